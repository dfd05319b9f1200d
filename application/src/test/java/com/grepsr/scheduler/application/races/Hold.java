package com.grepsr.scheduler.application.races;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one thread at one place of a port, so that a test can commit a racing change exactly
 * there: {@link #around} wraps a port so that the first call of one method, once the real method
 * has returned, signals {@link #reached} and waits for {@link #release}. Later calls pass through.
 */
public final class Hold {

    private static final long WAIT_SECONDS = 30;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** {@code port}, with its first call of {@code method} held after it returned. */
    public <P> P around(Class<P> type, P port, String method) {
        InvocationHandler handler = (proxy, m, args) -> {
            Object result;
            try {
                result = m.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals(method) && reached.getCount() > 0) {
                reached.countDown();
                await(released, "the test to release the held call of " + method);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Waits until the held call got there. */
    public void reached() {
        await(reached, "the held thread to get there");
    }

    /** Lets the held call return. */
    public void release() {
        released.countDown();
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
