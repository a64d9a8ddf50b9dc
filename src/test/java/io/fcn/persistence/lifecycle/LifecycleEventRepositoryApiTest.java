package io.fcn.persistence.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The repository's shape, read by reflection. No database: runs once, not per engine. */
class LifecycleEventRepositoryApiTest {

    @Test
    void theApiCanOnlyAppendAndRead() {
        Set<String> methods = Arrays.stream(LifecycleEventRepository.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("append", "history", "list"), methods);
    }
}
