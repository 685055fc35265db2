package org.beholder.engine.internal.gst;

import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.glib.Natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Reads an appsink sample that holds a buffer list (appsink {@code buffer-list=true}). gst1-java-core 1.4 has no
 * BufferList type, so the few functions needed are bound directly. With {@code mpegtsmux alignment=0} one list
 * is one access unit: one call per frame instead of one per 188-byte packet.
 */
final class BufferLists {
    private static final int MINI_OBJECT_FLAGS_OFFSET = 16; // GType type; gint refcount; gint lockstate; guint flags
    private static final int BUFFER_PTS_OFFSET = 72; // GstMiniObject (64 bytes) + GstBufferPool *pool
    private static final int DELTA_UNIT_FLAG = 1 << 13; // GST_BUFFER_FLAG_DELTA_UNIT
    private static final long CLOCK_TIME_NONE = -1;

    static {
        Native.register(BufferLists.class, NativeLibrary.getInstance("gstreamer-1.0"));
    }

    private BufferLists() {
    }

    private static native Pointer gst_sample_get_buffer_list(Pointer sample);

    private static native Pointer gst_sample_get_buffer(Pointer sample);

    private static native int gst_buffer_list_length(Pointer list);

    private static native Pointer gst_buffer_list_get(Pointer list, int index);

    private static native long gst_buffer_get_size(Pointer buffer);

    private static native long gst_buffer_extract(Pointer buffer, long offset, Pointer dest, long size);

    /** One access unit read out of a sample; {@code ptsNanos} is -1 when the buffer had none. */
    record AccessUnit(byte[] data, boolean keyframe, long ptsNanos) {
    }

    /** A reusable native scratch area per pipeline; only the appsink's streaming thread uses it. */
    static final class Reader {
        private Memory scratch = new Memory(256 * 1024);

        AccessUnit read(Sample sample) {
            Pointer raw = Natives.getRawPointer(sample);
            Pointer list = gst_sample_get_buffer_list(raw);
            if (list == null) {
                Pointer buffer = gst_sample_get_buffer(raw);
                return buffer == null ? null : new AccessUnit(copy(buffer), isKeyframe(buffer), pts(buffer));
            }
            int count = gst_buffer_list_length(list);
            if (count == 0) {
                return null;
            }
            long total = 0;
            for (int i = 0; i < count; i++) {
                total += gst_buffer_get_size(gst_buffer_list_get(list, i));
            }
            ensure(total);
            long offset = 0;
            for (int i = 0; i < count; i++) {
                Pointer buffer = gst_buffer_list_get(list, i);
                long size = gst_buffer_get_size(buffer);
                offset += gst_buffer_extract(buffer, 0, scratch.share(offset), size);
            }
            Pointer first = gst_buffer_list_get(list, 0);
            return new AccessUnit(scratch.getByteArray(0, (int) offset), isKeyframe(first), pts(first));
        }

        private byte[] copy(Pointer buffer) {
            long size = gst_buffer_get_size(buffer);
            ensure(size);
            long copied = gst_buffer_extract(buffer, 0, scratch, size);
            return scratch.getByteArray(0, (int) copied);
        }

        private void ensure(long size) {
            if (scratch.size() < size) {
                scratch = new Memory(Math.max(size, scratch.size() * 2));
            }
        }
    }

    private static boolean isKeyframe(Pointer buffer) {
        return (buffer.getInt(MINI_OBJECT_FLAGS_OFFSET) & DELTA_UNIT_FLAG) == 0;
    }

    private static long pts(Pointer buffer) {
        long pts = buffer.getLong(BUFFER_PTS_OFFSET);
        return pts == CLOCK_TIME_NONE ? -1 : pts;
    }
}
