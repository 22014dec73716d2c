package lscb.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's Parquet format, writing the run's {@link DataStatus} (every {@code lscb.*} write option) into each
 * file's footer as key-value metadata. Spark fixes its own WriteSupport after reading the options, so the
 * metadata cannot be passed as a plain {@code parquet.*} setting; this format swaps in a WriteSupport that
 * adds it. Used by {@link Outputs#parquet}: {@code rows.write().format(StatusParquet.class.getName())}.
 */
public class StatusParquet extends ParquetFileFormat {
  private static final String PREFIX = "lscb.";

  @Override
  public OutputWriterFactory prepareWrite(SparkSession spark, Job job, scala.collection.immutable.Map<String, String> options,
      StructType dataSchema) {
    OutputWriterFactory factory = super.prepareWrite(spark, job, options, dataSchema);
    ParquetOutputFormat.setWriteSupportClass(job, WithFooter.class);
    return factory;
  }

  /** Spark's WriteSupport, plus the {@code lscb.*} settings of the write as footer metadata. */
  public static class WithFooter extends ParquetWriteSupport {
    @Override
    public WriteContext init(Configuration conf) {
      WriteContext context = super.init(conf);
      Map<String, String> metadata = new HashMap<>(context.getExtraMetaData());
      conf.getPropsWithPrefix(PREFIX).forEach((key, value) -> metadata.put(PREFIX + key, value));
      return new WriteContext(context.getSchema(), metadata);
    }
  }
}
