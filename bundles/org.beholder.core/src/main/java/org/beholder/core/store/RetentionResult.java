package org.beholder.core.store;

/**
 * What one retention pass did.
 *
 * @param deletedEvents     events deleted
 * @param deletedThumbnails thumbnail files deleted with them
 * @param keptForRecording  events over a limit that stayed because their recording is still kept
 */
public record RetentionResult(long deletedEvents, long deletedThumbnails, long keptForRecording) {
}
