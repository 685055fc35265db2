package org.beholder.engine.internal.ts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a transport stream as a player would read it: sync bytes, continuity counters per PID (a single
 * identical duplicate packet is allowed, as ISO/IEC 13818-1 permits), the PAT and PMT
 * before any elementary stream data, and whether the first video access unit is a keyframe (an H.264 IDR or
 * an H.265 IRAP NAL unit in the first video PES). Feed it bytes in any chunking that keeps 188-byte alignment.
 */
public final class TsInspector {
    private static final int STREAM_TYPE_H264 = 0x1B;
    private static final int STREAM_TYPE_H265 = 0x24;

    private final Map<Integer, Integer> lastCounter = new HashMap<>();
    private final Map<Integer, byte[]> lastPacket = new HashMap<>();
    private final Set<Integer> duplicatedPids = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private int pmtPid = -1;
    private int videoPid = -1;
    private int videoStreamType = -1;
    private long packets;
    private long videoUnits;
    private long keyframeUnits;
    private boolean sawPat;
    private boolean sawPmt;
    private Boolean firstVideoUnitIsKeyframe;
    private long firstPts = -1;
    private long lastPts = -1;
    private byte[] pendingVideoPes;
    private int pendingLength;

    public void accept(byte[] data, int offset, int length) {
        if (length % TsPacket.SIZE != 0) {
            problem("chunk of " + length + " bytes is not 188-byte aligned");
        }
        for (int at = offset; at + TsPacket.SIZE <= offset + length; at += TsPacket.SIZE) {
            packet(data, at);
        }
    }

    public void accept(byte[] data) {
        accept(data, 0, data.length);
    }

    private void packet(byte[] data, int at) {
        packets++;
        if (!TsPacket.hasSync(data, at)) {
            problem("packet " + packets + " has no sync byte");
            return;
        }
        int pid = TsPacket.pid(data, at);
        if (pid == TsPacket.NULL_PID) {
            return;
        }
        checkContinuity(data, at, pid);
        int payload = TsPacket.payloadOffset(data, at);
        if (payload < 0) {
            return;
        }
        boolean unitStart = TsPacket.payloadUnitStart(data, at);
        if (pid == TsPacket.PAT_PID && unitStart) {
            readPat(data, payload, at + TsPacket.SIZE);
        } else if (pid == pmtPid && unitStart) {
            readPmt(data, payload, at + TsPacket.SIZE);
        } else if (pid == videoPid) {
            readVideo(data, payload, at + TsPacket.SIZE, unitStart);
        } else if (!sawPmt && pid != TsPacket.PAT_PID) {
            problem("PID " + pid + " data before the PMT");
        }
    }

    private void checkContinuity(byte[] data, int at, int pid) {
        if (!TsPacket.hasPayload(data, at)) {
            return;
        }
        int counter = TsPacket.continuityCounter(data, at);
        Integer last = lastCounter.put(pid, counter);
        byte[] previous = lastPacket.get(pid);
        boolean duplicate = last != null && counter == last && previous != null
                && Arrays.equals(previous, 0, TsPacket.SIZE, data, at, at + TsPacket.SIZE);
        if (duplicate && !duplicatedPids.add(pid)) {
            problem("PID " + pid + " packet repeated more than once");
        } else if (!duplicate) {
            duplicatedPids.remove(pid);
            if (last != null && counter != ((last + 1) & 0x0F) && !discontinuityFlagged(data, at)) {
                problem("continuity error on PID " + pid + ": " + last + " -> " + counter);
            }
        }
        lastPacket.put(pid, Arrays.copyOfRange(data, at, at + TsPacket.SIZE));
    }

    private static boolean discontinuityFlagged(byte[] data, int at) {
        return TsPacket.hasAdaptationField(data, at) && (data[at + 4] & 0xFF) > 0 && (data[at + 5] & 0x80) != 0;
    }

    private void readPat(byte[] data, int payload, int end) {
        int section = payload + 1 + (data[payload] & 0xFF);
        int sectionLength = ((data[section + 1] & 0x0F) << 8) | (data[section + 2] & 0xFF);
        int entries = section + 8;
        int entriesEnd = Math.min(section + 3 + sectionLength - 4, end);
        for (int e = entries; e + 4 <= entriesEnd; e += 4) {
            int program = ((data[e] & 0xFF) << 8) | (data[e + 1] & 0xFF);
            if (program != 0) {
                pmtPid = ((data[e + 2] & 0x1F) << 8) | (data[e + 3] & 0xFF);
            }
        }
        sawPat = true;
    }

    private void readPmt(byte[] data, int payload, int end) {
        if (!sawPat) {
            problem("PMT before PAT");
        }
        int section = payload + 1 + (data[payload] & 0xFF);
        int sectionLength = ((data[section + 1] & 0x0F) << 8) | (data[section + 2] & 0xFF);
        int programInfoLength = ((data[section + 10] & 0x0F) << 8) | (data[section + 11] & 0xFF);
        int e = section + 12 + programInfoLength;
        int streamsEnd = Math.min(section + 3 + sectionLength - 4, end);
        while (e + 5 <= streamsEnd) {
            int streamType = data[e] & 0xFF;
            int pid = ((data[e + 1] & 0x1F) << 8) | (data[e + 2] & 0xFF);
            int infoLength = ((data[e + 3] & 0x0F) << 8) | (data[e + 4] & 0xFF);
            if (streamType == STREAM_TYPE_H264 || streamType == STREAM_TYPE_H265) {
                videoPid = pid;
                videoStreamType = streamType;
            }
            e += 5 + infoLength;
        }
        sawPmt = true;
    }

    private void readVideo(byte[] data, int payload, int end, boolean unitStart) {
        if (!sawPmt) {
            problem("video data before the PMT");
        }
        if (unitStart) {
            finishVideoUnit();
            readPts(data, payload, end);
            pendingVideoPes = new byte[Math.max(4096, end - payload)];
            pendingLength = 0;
        }
        if (pendingVideoPes == null) {
            return; // continuation of a unit that started before we joined
        }
        int length = end - payload;
        if (pendingLength + length > pendingVideoPes.length) {
            pendingVideoPes = Arrays.copyOf(pendingVideoPes, Math.max(pendingVideoPes.length * 2,
                    pendingLength + length));
        }
        System.arraycopy(data, payload, pendingVideoPes, pendingLength, length);
        pendingLength += length;
    }

    private void readPts(byte[] data, int pes, int end) {
        if (pes + 14 > end || data[pes] != 0 || data[pes + 1] != 0 || data[pes + 2] != 1
                || (data[pes + 7] & 0x80) == 0) {
            return;
        }
        int p = pes + 9;
        long pts = ((long) (data[p] & 0x0E) << 29) | ((data[p + 1] & 0xFF) << 22) | ((data[p + 2] & 0xFE) << 14)
                | ((data[p + 3] & 0xFF) << 7) | ((data[p + 4] & 0xFE) >> 1);
        firstPts = firstPts < 0 ? pts : Math.min(firstPts, pts); // B-frames: presentation order differs
        lastPts = Math.max(lastPts, pts);
    }

    private void finishVideoUnit() {
        if (pendingVideoPes == null) {
            return;
        }
        boolean keyframe = NalUnits.containsKeyframe(pendingVideoPes, pesPayloadStart(), pendingLength,
                videoStreamType == STREAM_TYPE_H265);
        videoUnits++;
        if (keyframe) {
            keyframeUnits++;
        }
        if (firstVideoUnitIsKeyframe == null) {
            firstVideoUnitIsKeyframe = keyframe;
        }
        pendingVideoPes = null;
    }

    private int pesPayloadStart() {
        return pendingLength > 9 ? 9 + (pendingVideoPes[8] & 0xFF) : pendingLength;
    }

    private void problem(String text) {
        if (problems.size() < 50) {
            problems.add(text);
        }
    }

    /** Completes the unit in progress; call once after the last bytes. */
    public TsInspector finish() {
        finishVideoUnit();
        return this;
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public boolean sawPat() {
        return sawPat;
    }

    public boolean sawPmt() {
        return sawPmt;
    }

    public int videoPid() {
        return videoPid;
    }

    public long videoUnits() {
        return videoUnits;
    }

    public long keyframeUnits() {
        return keyframeUnits;
    }

    /** Video presentation time span from the earliest to the latest PES seen, in 90 kHz ticks (0 if none). */
    public long videoPtsSpan90k() {
        return firstPts < 0 ? 0 : lastPts - firstPts;
    }

    /** True when the first complete video access unit was a keyframe; false when not or when none was seen. */
    public boolean firstVideoUnitIsKeyframe() {
        return Boolean.TRUE.equals(firstVideoUnitIsKeyframe);
    }
}
