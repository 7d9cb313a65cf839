package org.lexgap.launcher;

import java.util.Arrays;

/**
 * Sets up SLF4J's simple backend before any logger exists: quiet by default (errors only, on stderr), detailed
 * with {@code --verbose}. Framework and Drools logs go through the same backend.
 */
final class Logging {
    private static boolean verbose;

    private Logging() {
    }

    static void configure(String[] args) {
        verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.lexgap", verbose ? "debug" : "error");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    static boolean verbose() {
        return verbose;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
