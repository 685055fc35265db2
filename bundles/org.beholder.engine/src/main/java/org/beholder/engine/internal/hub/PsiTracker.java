package org.beholder.engine.internal.hub;

import org.beholder.engine.internal.ts.TsPacket;

/**
 * Remembers the latest PAT and PMT packets of the stream so that a keyframe chunk can be made self-contained
 * (readers can start there). The copies keep their continuity counters: the next PAT/PMT of the live stream
 * follows them without a gap.
 */
final class PsiTracker {
    private byte[] pat;
    private byte[] pmt;
    private int pmtPid = -1;

    /** Learns PSI from the chunk; returns true if the chunk itself carries a PAT. */
    boolean scan(byte[] data) {
        boolean hasPat = false;
        for (int at = 0; at + TsPacket.SIZE <= data.length; at += TsPacket.SIZE) {
            int pid = TsPacket.pid(data, at);
            if (pid == TsPacket.PAT_PID && TsPacket.payloadUnitStart(data, at)) {
                pat = copy(data, at);
                pmtPid = readPmtPid(data, at);
                hasPat = true;
            } else if (pid == pmtPid && TsPacket.payloadUnitStart(data, at)) {
                pmt = copy(data, at);
            }
        }
        return hasPat;
    }

    /** The chunk with the remembered PAT and PMT in front, or the chunk itself when they are unknown. */
    byte[] prefix(byte[] data) {
        if (pat == null || pmt == null) {
            return data;
        }
        byte[] out = new byte[2 * TsPacket.SIZE + data.length];
        System.arraycopy(pat, 0, out, 0, TsPacket.SIZE);
        System.arraycopy(pmt, 0, out, TsPacket.SIZE, TsPacket.SIZE);
        System.arraycopy(data, 0, out, 2 * TsPacket.SIZE, data.length);
        return out;
    }

    private static byte[] copy(byte[] data, int at) {
        byte[] packet = new byte[TsPacket.SIZE];
        System.arraycopy(data, at, packet, 0, TsPacket.SIZE);
        return packet;
    }

    private static int readPmtPid(byte[] data, int at) {
        int payload = TsPacket.payloadOffset(data, at);
        if (payload < 0) {
            return -1;
        }
        int section = payload + 1 + (data[payload] & 0xFF);
        int entry = section + 8; // first program entry after the 8-byte section header
        while (entry + 4 <= at + TsPacket.SIZE - 4) {
            int program = ((data[entry] & 0xFF) << 8) | (data[entry + 1] & 0xFF);
            if (program != 0) {
                return ((data[entry + 2] & 0x1F) << 8) | (data[entry + 3] & 0xFF);
            }
            entry += 4;
        }
        return -1;
    }
}
