package org.openhab.core.config.core;

import org.eclipse.jdt.annotation.Nullable;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mirror of openHAB 5.2.1 {@code org.openhab.core.config.core.Configuration}. {@link #as} fills the public and
 * private fields of a configuration class from the map by name, converting numbers (openHAB keeps them as
 * BigDecimal), booleans and strings, as openHAB's ConfigParser does.
 */
public class Configuration {
    private final Map<String, Object> properties;

    public Configuration() {
        this(Map.of());
    }

    public Configuration(@Nullable Configuration configuration) {
        this(configuration.getProperties());
    }

    public Configuration(@Nullable Map<String, Object> properties) {
        this.properties = new HashMap<>(properties);
    }

    public <T> T as(Class<T> configurationClass) {
        try {
            T instance = configurationClass.getDeclaredConstructor().newInstance();
            for (Field field : configurationClass.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                Object value = properties.get(field.getName());
                if (value == null || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                    continue;
                }
                field.setAccessible(true);
                field.set(instance, convert(value, field.getType()));
            }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot fill " + configurationClass.getName(), e);
        }
    }

    private static Object convert(Object value, Class<?> type) {
        String text = value.toString();
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return new BigDecimal(text).intValue();
        }
        if (type == long.class || type == Long.class) {
            return new BigDecimal(text).longValue();
        }
        if (type == double.class || type == Double.class) {
            return new BigDecimal(text).doubleValue();
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (type == List.class && value instanceof Collection<?> collection) {
            return List.copyOf(collection);
        }
        return value;
    }

    public boolean containsKey(String key) {
        return properties.containsKey(key);
    }

    public Object get(String key) {
        return properties.get(key);
    }

    public Object put(String key, @Nullable Object value) {
        return properties.put(key, value);
    }

    public Object remove(String key) {
        return properties.remove(key);
    }

    public Set<String> keySet() {
        return properties.keySet();
    }

    public Collection<Object> values() {
        return properties.values();
    }

    public Map<String, Object> getProperties() {
        return Map.copyOf(properties);
    }

    public void setProperties(Map<String, Object> newProperties) {
        properties.clear();
        properties.putAll(newProperties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof Configuration other && properties.equals(other.properties);
    }

    @Override
    public String toString() {
        return "Configuration[" + properties.keySet() + "]";
    }
}
