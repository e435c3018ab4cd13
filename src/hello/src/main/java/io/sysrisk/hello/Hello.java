package io.sysrisk.hello;

import java.util.Map;

import io.quarkus.funqy.Funq;

/** The least a Funqy function can do with the same event: answer it. */
public class Hello {

    @Funq
    public Map<String, Object> hello(Map<String, Object> event) {
        return Map.of("hello", "world", "keys", event == null ? 0 : event.size());
    }
}
