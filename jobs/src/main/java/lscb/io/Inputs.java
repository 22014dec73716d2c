package lscb.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import lscb.schema.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Checks input locations up front, so a missing or unreadable input is one plain line, not a stack trace. */
public final class Inputs {
  private Inputs() {}

  /**
   * The readable files directly in {@code dir} whose names end with {@code suffix}, sorted by name;
   * fails with a plain message when the folder is missing, holds no such file, or a file is unreadable.
   */
  public static List<String> files(SparkSession spark, String dir, String suffix, String what) {
    try {
      Path folder = new Path(dir);
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(folder)) {
        throw new UserError(dir + ": folder not found; put the " + what + " there or pass another location");
      }
      FileStatus[] statuses = fs.listStatus(folder);
      Arrays.sort(statuses, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      List<String> files = new ArrayList<>();
      for (FileStatus status : statuses) {
        String name = status.getPath().getName();
        if (status.isFile() && name.endsWith(suffix) && !name.startsWith(".") && !name.startsWith("_")) {
          requireReadable(fs, status.getPath());
          files.add(status.getPath().toString());
        }
      }
      if (files.isEmpty()) {
        throw new UserError(dir + ": no *" + suffix + " file found; put the " + what + " there");
      }
      return files;
    } catch (IOException e) {
      throw new UserError(dir + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Fails with a plain message when a single input file is missing or unreadable. */
  public static String file(SparkSession spark, String path, String what) {
    try {
      Path file = new Path(path);
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        throw new UserError(path + ": file not found; it should hold the " + what);
      }
      requireReadable(fs, file);
      return path;
    } catch (IOException e) {
      throw new UserError(path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * A Parquet table written by an earlier stage, read with its declared schema; a missing folder is
   * one plain line saying which command writes it.
   */
  public static Dataset<Row> table(SparkSession spark, String path, String table, String writtenBy) {
    try {
      Path folder = new Path(path);
      if (!folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(folder)) {
        throw new UserError(path + ": " + table + " not found; run `lscb " + writtenBy + "` first");
      }
    } catch (IOException e) {
      throw new UserError(path + ": cannot be read (" + e.getMessage() + ")");
    }
    return spark.read().schema(Schemas.of(table)).parquet(path);
  }

  private static void requireReadable(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      in.read();
    } catch (AccessDeniedException | AccessControlException | FileNotFoundException e) {
      throw new UserError(file + ": cannot be read (permission denied); make it readable, e.g. chmod a+r");
    }
  }
}
