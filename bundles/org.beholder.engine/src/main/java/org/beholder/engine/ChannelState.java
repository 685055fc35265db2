package org.beholder.engine;

/** Where a channel is in its life. */
public enum ChannelState {
    /** Connecting for the first time. */
    STARTING,
    /** Data is flowing. */
    ONLINE,
    /** The stream broke (network, stall, camera restart); retrying with backoff. */
    RECONNECTING,
    /** Something the user must fix (wrong password, bad path, unsupported codec); still retrying slowly. */
    ERROR,
    /** Stopped by its owner; no native resources held. */
    STOPPED
}
