package lscb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced by the ingest stage. */
@Command(name = "normalise", mixinStandardHelpOptions = true,
    description = "Normalise the 2006 and 2007 survey returns into canonical Parquet.")
public final class NormaliseCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
