package io.sysrisk.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds the manifest's records from a parsed JSON tree through their canonical constructors (or a static
 * {@link JsonCreator} factory), as Jackson's data binding would, with what the manifest uses: records, primitives
 * and their boxes, strings, enums, dates, primitive arrays, lists, string-keyed maps and one {@link JsonTypeInfo}
 * name property. Why not data binding: at a Lambda cold start, Jackson's introspection of the manifest's twenty
 * record types cost more than a hundred milliseconds and about 150 hidden classes; this reads the same manifest in
 * a few ({@code RecordTreeTest} holds both readers to the same result on every committed model). Unknown fields are
 * ignored, absent ones are null, 0 or false, as with data binding.
 */
final class RecordTree {

    private RecordTree() {
    }

    static <T> T read(JsonNode node, Class<T> type) {
        return type.cast(value(node, type));
    }

    private static Object value(JsonNode n, Type type) {
        Class<?> cls = raw(type);
        if (cls.isPrimitive()) {
            return primitive(n == null || n.isNull() ? null : n, cls);
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (cls == String.class) {
            return n.asText();
        }
        if (cls == Integer.class || cls == Long.class || cls == Double.class || cls == Float.class
                || cls == Boolean.class) {
            return primitive(n, unboxed(cls));
        }
        if (cls.isEnum()) {
            return enumValue(cls, n.asText());
        }
        if (cls == LocalDate.class) {
            return n.isArray() ? LocalDate.of(n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt())
                    : LocalDate.parse(n.asText());
        }
        if (cls.isArray()) {
            return array(n, cls.getComponentType());
        }
        if (List.class.isAssignableFrom(cls)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(e -> out.add(value(e, element)));
            return out;
        }
        if (Map.class.isAssignableFrom(cls)) {
            Type v = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue(), v)));
            return out;
        }
        JsonTypeInfo typeInfo = cls.getAnnotation(JsonTypeInfo.class);
        if (typeInfo != null) {
            String name = n.path(typeInfo.property()).asText();
            for (JsonSubTypes.Type t : cls.getAnnotation(JsonSubTypes.class).value()) {
                if (t.name().equals(name)) {
                    return value(n, t.value());
                }
            }
            throw new IllegalArgumentException("unknown " + cls.getSimpleName() + " type '" + name + "'");
        }
        if (cls.isRecord()) {
            return record(n, cls);
        }
        throw new IllegalArgumentException("cannot read a " + type.getTypeName() + " from the manifest");
    }

    /**
     * How a record type is built: a static {@link JsonCreator} factory or the canonical constructor, with each
     * argument's JSON name and type. Found once per type (a manifest holds hundreds of epoch records).
     */
    private record Creator(java.lang.reflect.Executable executable, String[] names, Type[] types) {
        Object create(Object[] args) throws ReflectiveOperationException {
            return executable instanceof Method m ? m.invoke(null, args)
                    : ((Constructor<?>) executable).newInstance(args);
        }
    }

    private static final ClassValue<Creator> CREATORS = new ClassValue<>() {
        @Override
        protected Creator computeValue(Class<?> cls) {
            for (Method m : cls.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)) {
                    Parameter[] ps = m.getParameters();
                    String[] names = new String[ps.length];
                    Type[] types = new Type[ps.length];
                    for (int i = 0; i < ps.length; i++) {
                        names[i] = ps[i].getAnnotation(JsonProperty.class).value();
                        types[i] = ps[i].getParameterizedType();
                    }
                    m.setAccessible(true);
                    return new Creator(m, names, types);
                }
            }
            RecordComponent[] rc = cls.getRecordComponents();
            Class<?>[] raw = new Class<?>[rc.length];
            String[] names = new String[rc.length];
            Type[] types = new Type[rc.length];
            for (int i = 0; i < rc.length; i++) {
                raw[i] = rc[i].getType();
                names[i] = rc[i].getName();
                types[i] = rc[i].getGenericType();
            }
            try {
                Constructor<?> c = cls.getDeclaredConstructor(raw);
                c.setAccessible(true);
                return new Creator(c, names, types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("cannot build " + cls.getName(), e);
            }
        }
    };

    private static Object record(JsonNode n, Class<?> cls) {
        Creator creator = CREATORS.get(cls);
        Object[] args = new Object[creator.names().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(n.get(creator.names()[i]), creator.types()[i]);
        }
        try {
            return creator.create(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalArgumentException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + cls.getName(), e);
        }
    }

    private static Object primitive(JsonNode n, Class<?> cls) {
        if (cls == int.class) {
            return n == null ? 0 : n.asInt();
        } else if (cls == long.class) {
            return n == null ? 0L : n.asLong();
        } else if (cls == double.class) {
            return n == null ? 0.0 : number(n);
        } else if (cls == float.class) {
            return n == null ? 0f : (float) number(n);
        } else if (cls == boolean.class) {
            return n != null && n.asBoolean();
        }
        throw new IllegalArgumentException("cannot read a " + cls + " from the manifest");
    }

    /** Numbers, and the strings Jackson writes for the non-finite ones ("NaN", "Infinity", "-Infinity"). */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    private static Object array(JsonNode n, Class<?> element) {
        int size = n.size();
        if (element == double.class) {
            double[] a = new double[size];
            for (int i = 0; i < size; i++) {
                a[i] = number(n.get(i));
            }
            return a;
        } else if (element == float.class) {
            float[] a = new float[size];
            for (int i = 0; i < size; i++) {
                a[i] = (float) number(n.get(i));
            }
            return a;
        } else if (element == int.class) {
            int[] a = new int[size];
            for (int i = 0; i < size; i++) {
                a[i] = n.get(i).asInt();
            }
            return a;
        }
        throw new IllegalArgumentException("cannot read a " + element + "[] from the manifest");
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Class<?> unboxed(Class<?> boxed) {
        return boxed == Integer.class ? int.class : boxed == Long.class ? long.class : boxed == Double.class
                ? double.class : boxed == Float.class ? float.class : boolean.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> cls, String name) {
        return Enum.valueOf((Class) cls, name);
    }
}
