package org.beholder.standalone.internal.config;

/** A configuration mistake, with the key and line that caused it. Start-up stops on it. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
