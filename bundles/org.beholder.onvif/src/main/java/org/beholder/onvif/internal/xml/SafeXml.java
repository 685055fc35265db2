package org.beholder.onvif.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses a device's answer into a DOM that is read by local names only.
 *
 * <p>Why not namespace-aware: devices use any prefixes and some forget to declare one (the SOAP fault of the
 * fixtures uses {@code SOAP-ENV:} with only {@code soapenv} declared); a namespace-aware parser rejects such
 * answers although their meaning is plain. Element names are compared without their prefix ({@link Xml}).
 *
 * <p>DTDs are refused outright ({@code disallow-doctype-decl}), so neither external entities nor entity
 * expansion bombs are possible; a malformed XML declaration (seen with typographic quotes) is dropped, as
 * answers are read as UTF-8 anyway.
 */
public final class SafeXml {
    private static final Pattern DECLARATION = Pattern.compile("^\\uFEFF?\\s*<\\?xml[^>]*\\?>");

    private SafeXml() {
    }

    /** Thrown for anything that is not acceptable XML, including any DTD. */
    public static final class XmlRefused extends Exception {
        private static final long serialVersionUID = 1L;

        XmlRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Document parse(byte[] bytes) throws XmlRefused {
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    public static Document parse(String text) throws XmlRefused {
        Matcher declaration = DECLARATION.matcher(text);
        String body = declaration.find() ? text.substring(declaration.end()) : text;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // Errors become the exception below; the default handler would also print them to stderr.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            return builder.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DTD (DOCTYPE) is refused" : "not well-formed XML: " + e.getMessage();
            throw new XmlRefused(reason, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRefused("unreadable XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
