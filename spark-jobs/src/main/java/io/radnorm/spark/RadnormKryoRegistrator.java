package io.radnorm.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Kryo (Spark's fast serializer, which radnorm enables) move Java records. Kryo 4, as Spark
 * ships it, cannot set a record's final fields; records go through their Java serialization form
 * instead, which uses the canonical constructor. Only statistics and headers travel as records, so
 * this costs nothing measurable; pixel arrays never go through it.
 *
 * <p>{@link SerializableConfiguration} also goes through Java serialization: its Hadoop
 * configuration is a transient field written by {@code writeObject}, which Kryo's field serializer
 * would skip — the broadcast then arrived on a remote executor without its configuration (45
 * bytes instead of kilobytes; local mode hides it, as executors share the driver's object).
 */
public final class RadnormKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, JavaSerializer.class);
        kryo.addDefaultSerializer(SerializableConfiguration.class, JavaSerializer.class);
    }
}
