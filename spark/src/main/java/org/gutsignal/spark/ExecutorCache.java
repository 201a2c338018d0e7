package org.gutsignal.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an executor JVM builds once per job rather than once per task or row: parsed models, catalogs and trait
 * tables, rebuilt cohorts, keyed by the content they were built from. Holds the {@value #SIZE} most recently used;
 * thread-safe (tasks of one executor run on several threads).
 */
final class ExecutorCache {

    static final int SIZE = 16;

    private static final Map<String, Object> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > SIZE;
        }
    };

    private ExecutorCache() {
    }

    /**
     * The value cached under {@code key}, built by {@code build} if absent (under the lock: two tasks needing the
     * same value build it once).
     */
    @SuppressWarnings("unchecked")
    static synchronized <T> T get(String key, Supplier<T> build) {
        Object v = CACHE.get(key);
        if (v == null) {
            v = build.get();
            CACHE.put(key, v);
        }
        return (T) v;
    }
}
