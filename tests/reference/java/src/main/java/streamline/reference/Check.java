package streamline.reference;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Strict assertions for the reference programs: any mismatch ends the program with exit code 1
 * and one clear line on stderr, so a failing run names the exact outcome that differed.
 */
final class Check {
    /** Every wait in the programs is bounded by this (a local broker answers in milliseconds). */
    static final Duration WAIT = Duration.ofSeconds(20);

    private Check() {}

    static final class Failure extends RuntimeException {
        Failure(String message) { super(message); }
    }

    static void fail(String message) { throw new Failure(message); }

    static void eq(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            fail(what + ": expected " + expected + " but got " + actual);
        }
    }

    static void that(boolean condition, String what) {
        if (!condition) fail(what);
    }

    /** The future's value, waiting at most {@link #WAIT}; the cause of a failure is rethrown. */
    static <T> T get(Future<T> future, String what) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new Failure(what + " failed: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Failure(what + ": no answer within " + WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(what + ": interrupted");
        }
    }

    /** Polls the condition until it holds, failing after {@link #WAIT}. */
    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    /**
     * Runs a program body: prints its JSON summary as the last stdout line and exits 0, or prints
     * the failure and exits 1. The exit is explicit so no stray client thread can keep the JVM up.
     */
    static void run(String program, String[] args, Body body) {
        if (args.length < 1) {
            System.err.println("usage: " + program + " <bootstrap> [args]");
            System.exit(2);
        }
        long start = System.nanoTime();
        int code;
        try {
            Json summary = body.run(args);
            System.err.flush();
            System.out.println(summary);
            code = 0;
        } catch (Failure f) {
            System.err.println(program + ": FAILED: " + f.getMessage());
            code = 1;
        } catch (Throwable t) {
            System.err.println(program + ": FAILED with an exception:");
            t.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.err.println(program + ": " + (code == 0 ? "ok" : "failed") + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        System.exit(code);
    }

    @FunctionalInterface
    interface Body {
        Json run(String[] args) throws Exception;
    }
}
