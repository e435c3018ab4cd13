package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sysrisk.store.ModelManifest;

/** The native image's reflection list holds exactly the sysrisk types reachable from {@code model.json}. */
class NativeImageConfigTest {

    @Test
    void registersEveryTypeTheManifestReaches() {
        Set<String> reachable = new TreeSet<>();
        Deque<Type> todo = new ArrayDeque<>();
        todo.push(ModelManifest.class);
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                todo.push(p.getRawType());
                for (Type a : p.getActualTypeArguments()) {
                    todo.push(a);
                }
            } else if (t instanceof Class<?> c) {
                if (c.isArray()) {
                    todo.push(c.getComponentType());
                } else if (c.getName().startsWith("io.sysrisk.") && reachable.add(c.getName())) {
                    if (c.isRecord()) {
                        for (RecordComponent rc : c.getRecordComponents()) {
                            todo.push(rc.getGenericType());
                        }
                    }
                    JsonSubTypes subtypes = c.getAnnotation(JsonSubTypes.class);
                    if (subtypes != null) {
                        for (JsonSubTypes.Type s : subtypes.value()) {
                            todo.push(s.value());
                        }
                    }
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        for (Class<?> c : NativeImageConfig.class.getAnnotation(RegisterForReflection.class).targets()) {
            registered.add(c.getName());
        }
        assertEquals(reachable, registered);
    }
}
