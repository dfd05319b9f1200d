package com.grepsr.scheduler.benchmarks.horizon;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wall time spent in each port method the calculator calls, so that the results say where a
 * fill's time goes (domain work is the rest). A transaction's time includes the calls inside it.
 */
final class PortTimer {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T wrap(Class<T> port, T target) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            String name = port.getSimpleName().replace("Port", "") + "." + method.getName();
            long t0 = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                nanos.computeIfAbsent(name, k -> new LongAdder()).add(System.nanoTime() - t0);
                calls.computeIfAbsent(name, k -> new LongAdder()).increment();
            }
        });
    }

    void reset() {
        nanos.clear();
        calls.clear();
    }

    /** Seconds per port method. */
    Map<String, Double> seconds() {
        Map<String, Double> out = new TreeMap<>();
        nanos.forEach((k, v) -> out.put(k, v.sum() / 1e9));
        return out;
    }

    long calls(String name) {
        LongAdder n = calls.get(name);
        return n == null ? 0 : n.sum();
    }
}
