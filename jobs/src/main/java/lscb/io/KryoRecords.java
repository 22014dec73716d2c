package lscb.io;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.sql.catalyst.expressions.GenericRow;

/**
 * Registers what Kryo carries for the project: its Java records (their final fields defeat Kryo's field
 * serializer) and the rows its own jobs return.
 */
public final class KryoRecords implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(TextSplits.Split.class, new JavaSerializer());
    // The split scans' results. An unregistered class is written by name, and from then on the task
    // thread's Kryo clears its class-name maps after every object: each row the stage writes to disk
    // and reads back (about 2.5% of a 120M-value run's task samples).
    kryo.register(GenericRow.class);
  }
}
