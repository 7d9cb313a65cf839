package org.lexgap.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.logging.Level;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The PDF is the HTML report laid out for A4 (page size and page numbers come from the stylesheet's {@code @page}
 * rule), rendered by openhtmltopdf. Creation dates are left out and the document id is derived from the HTML, so
 * the same report gives the same bytes.
 */
final class Pdf {
    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    private Pdf() {
    }

    /** openhtmltopdf's log, into SLF4J, so that it obeys the CLI's log level. */
    private static final class Slf4jXRLogger implements XRLogger {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("com.openhtmltopdf");

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                LOG.error("{}: {}", where, msg, th);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                LOG.warn("{}: {}", where, msg, th);
            } else {
                LOG.debug("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // levels are SLF4J's to decide
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return LOG.isDebugEnabled();
        }
    }

    static byte[] render(String xhtml, String title) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Pdf.class.getClassLoader());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(parse(xhtml), null);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withProducer("Lexgap");
            builder.toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                PDDocument document = renderer.getPdfDocument();
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(title);
                info.setCreationDate(null);
                info.setModificationDate(null);
                byte[] id = Arrays.copyOf(sha256(xhtml), 16);
                COSArray ids = new COSArray();
                ids.add(new COSString(id));
                ids.add(new COSString(id));
                document.getDocument().getTrailer().setItem(COSName.ID, ids);
                document.save(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Parsed with the JDK's own parser: inside the framework, a JAXP service lookup through the core's class loader
     * would find provider entries of embedded jars whose provider classes are not there.
     */
    private static Document parse(String xhtml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the HTML report is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
