package lscb.io;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/** Lets Kryo carry the project's Java records (their final fields defeat its field serializer). */
public final class KryoRecords implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(TextSplits.Split.class, new JavaSerializer());
  }
}
