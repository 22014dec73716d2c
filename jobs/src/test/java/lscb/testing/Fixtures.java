package lscb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import lscb.io.Locations;

/** Test inputs: the fixture returns copied into a temporary raw folder, with the real register. */
public final class Fixtures {
  private Fixtures() {}

  /** The repository root (tests run in jobs/). */
  public static Path repository() {
    Path here = Paths.get("").toAbsolutePath();
    return Files.exists(here.resolve("schemas")) ? here : here.getParent();
  }

  /** Locations reading {@code raw} and the repository's reference data, writing under {@code out}. */
  public static Locations locations(Path raw, Path out) {
    return new Locations(raw.toString(), repository().resolve("data/reference").toString(),
        repository().resolve("data/published").toString(), out.toString());
  }

  /** Copies the fixture returns (src/test/resources/fixtures/returns) under {@code raw}/returns. */
  public static Path copyReturns(Path raw) {
    Path source = repository().resolve("jobs/src/test/resources/fixtures/returns");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = raw.resolve("returns").resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
