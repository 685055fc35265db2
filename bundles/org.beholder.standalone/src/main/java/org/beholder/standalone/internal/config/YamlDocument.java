package org.beholder.standalone.internal.config;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The text of a config file turned into SnakeYAML's node tree, safely: UTF-8 only, at most {@link #MAX_BYTES},
 * no custom types, at most {@link #MAX_COLLECTION_ALIASES} aliases of lists or mappings (a "billion laughs" file
 * stops here) and no deeper than {@link #MAX_DEPTH}. SnakeYAML reports some of these limits without a position,
 * so a first pass over the parser's events checks them itself and every mistake gets a line number.
 */
final class YamlDocument {
    /** A full config with a hundred cameras is about 50 KB. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_COLLECTION_ALIASES = 10;
    static final int MAX_DEPTH = 20;

    private final String file;
    private final String text;

    private YamlDocument(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static YamlDocument of(String file, byte[] bytes) throws ConfigException {
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(file + " line " + lineAtByte(bytes, MAX_BYTES) + ": the file is larger than "
                    + (MAX_BYTES >> 20) + " MiB; a Beholder config is a few KB");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ConfigException(file + " line " + lineAtByte(bytes, in.position())
                    + ": the file is not UTF-8 text");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return new YamlDocument(file, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The root node, or null for a file with nothing in it. */
    Node compose() throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setCodePointLimit(MAX_BYTES);
        checkLimits(options);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw syntaxError(e, 1);
        }
    }

    /** Walks the parser's events, where positions are known, for the limits SnakeYAML reports without one. */
    private void checkLimits(LoaderOptions options) throws ConfigException {
        Set<String> collectionAnchors = new HashSet<>();
        int aliases = 0;
        int depth = 0;
        int lastLine = 1;
        try {
            for (Event event : new Yaml(options).parse(new StringReader(text))) {
                lastLine = line(event.getStartMark());
                if (event instanceof CollectionStartEvent start) {
                    if (++depth > MAX_DEPTH) {
                        throw error(lastLine, "nested deeper than " + MAX_DEPTH + " levels");
                    }
                    if (start.getAnchor() != null) {
                        collectionAnchors.add(start.getAnchor());
                    }
                } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                    depth--;
                } else if (event instanceof AliasEvent alias) {
                    if (collectionAnchors.contains(alias.getAnchor()) && ++aliases > MAX_COLLECTION_ALIASES) {
                        throw error(lastLine, "more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of lists "
                                + "or mappings; the file would expand without bounds");
                    }
                } else if (event instanceof NodeEvent scalar && scalar.getAnchor() != null) {
                    collectionAnchors.remove(scalar.getAnchor()); // the name now stands for a single value
                }
            }
        } catch (YAMLException e) {
            throw syntaxError(e, lastLine);
        }
    }

    private ConfigException syntaxError(YAMLException e, int lineSoFar) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String problem = marked.getProblem() == null ? "not valid YAML" : marked.getProblem();
            return error(line(marked.getProblemMark()), problem);
        }
        if (e instanceof ReaderException reader) {
            return error(lineAtCodePoint(reader.getPosition()), "the file contains a control character ("
                    + String.format("U+%04X", reader.getCodePoint()) + ")");
        }
        // Limits reported without a position: the last event read is as close as SnakeYAML lets us get.
        return error(lineSoFar, "not valid YAML");
    }

    private ConfigException error(int line, String message) {
        return new ConfigException(file + " line " + line + ": " + message);
    }

    private static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static int lineAtByte(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private int lineAtCodePoint(int codePoint) {
        int end = text.offsetByCodePoints(0, Math.min(codePoint, text.codePointCount(0, text.length())));
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }
}
