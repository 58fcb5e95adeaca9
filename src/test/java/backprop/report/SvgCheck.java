package backprop.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads an SVG picture back and measures it with its own, deliberately generous, idea of text widths (not
 * the estimate the plots use): what a test can check of a plot without a browser.
 */
final class SvgCheck {

    /** A text's extent in the picture: its box after any rotation. */
    record Box(String text, double x0, double y0, double x1, double y1, boolean rotated) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    final Document document;
    final Element root;
    final double width;
    final double height;

    SvgCheck(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        root = document.getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").trim().split("\\s+");
        if (viewBox.length != 4 || Double.parseDouble(viewBox[0]) != 0 || Double.parseDouble(viewBox[1]) != 0) {
            throw new AssertionError("viewBox " + root.getAttribute("viewBox") + ": expected 0 0 W H");
        }
        width = Double.parseDouble(viewBox[2]);
        height = Double.parseDouble(viewBox[3]);
    }

    /**
     * An upper bound of a character's advance in ems in the common sans-serif faces (DejaVu Sans, Arial,
     * Helvetica, Liberation Sans): digits and most lower-case letters are below 0.65, capitals below 0.8,
     * the few wide glyphs and anything outside ASCII below 1.
     */
    static double em(int c) {
        if (c > 126) {
            return 1.0;
        }
        if ("iljtfr.,:;|!'()[] -/".indexOf(c) >= 0) {
            return 0.45;
        }
        if ("mwMW%@&#+=<>~^".indexOf(c) >= 0) {
            return 1.0;
        }
        if (Character.isUpperCase(c)) {
            return 0.8;
        }
        return 0.65;
    }

    static double textWidth(String s, double size) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            w += em(c) * size;
            i += Character.charCount(c);
        }
        return w;
    }

    List<Element> elements(String tag) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    List<Element> withClass(String tag, String cls) {
        return elements(tag).stream().filter(e -> cls.equals(e.getAttribute("class"))).toList();
    }

    private static double number(Element e, String attribute, double otherwise) {
        String v = e.getAttribute(attribute);
        return v.isEmpty() ? otherwise : Double.parseDouble(v);
    }

    private static final Pattern ROTATE = Pattern.compile("rotate\\(\\s*(-?[\\d.]+)\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s*\\)");

    /** Every text's box: width from {@link #em}, 0.8 em above the baseline and 0.25 below, then rotated. */
    List<Box> textBoxes() {
        List<Box> boxes = new ArrayList<>();
        for (Element t : elements("text")) {
            String content = t.getTextContent();
            double size = number(t, "font-size", 16);
            double x = number(t, "x", 0);
            double y = number(t, "y", 0);
            double w = textWidth(content, size);
            String anchor = t.getAttribute("text-anchor");
            double left = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
            double[][] corners = {{left, y - 0.8 * size}, {left + w, y - 0.8 * size}, {left, y + 0.25 * size},
                {left + w, y + 0.25 * size}};
            boolean rotated = false;
            Matcher m = ROTATE.matcher(t.getAttribute("transform"));
            if (m.find()) {
                rotated = true;
                double a = Math.toRadians(Double.parseDouble(m.group(1)));
                double cx = Double.parseDouble(m.group(2));
                double cy = Double.parseDouble(m.group(3));
                for (double[] c : corners) {
                    double dx = c[0] - cx;
                    double dy = c[1] - cy;
                    c[0] = cx + dx * Math.cos(a) - dy * Math.sin(a);
                    c[1] = cy + dx * Math.sin(a) + dy * Math.cos(a);
                }
            }
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (double[] c : corners) {
                x0 = Math.min(x0, c[0]);
                y0 = Math.min(y0, c[1]);
                x1 = Math.max(x1, c[0]);
                y1 = Math.max(y1, c[1]);
            }
            boxes.add(new Box(content, x0, y0, x1, y1, rotated));
        }
        return boxes;
    }

    /** Texts reaching outside the view box. */
    List<String> textsOutside() {
        List<String> outside = new ArrayList<>();
        for (Box b : textBoxes()) {
            if (b.x0() < 0 || b.y0() < 0 || b.x1() > width || b.y1() > height) {
                outside.add(String.format(Locale.ROOT, "'%s' at [%.1f, %.1f]–[%.1f, %.1f] in %.0f×%.0f", b.text(),
                        b.x0(), b.y0(), b.x1(), b.y1(), width, height));
            }
        }
        return outside;
    }

    /** Pairs of upright texts that overlap (slanted and rotated ones are left out: their boxes are loose). */
    List<String> overlappingTexts() {
        List<Box> boxes = textBoxes().stream().filter(b -> !b.rotated()).toList();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).overlaps(boxes.get(j))) {
                    pairs.add("'" + boxes.get(i).text() + "' and '" + boxes.get(j).text() + "'");
                }
            }
        }
        return pairs;
    }

    /** The points of every {@code polyline class="series"}, in pixels. */
    List<List<double[]>> series() {
        List<List<double[]>> lines = new ArrayList<>();
        for (Element p : withClass("polyline", "series")) {
            List<double[]> points = new ArrayList<>();
            String all = p.getAttribute("points").trim();
            if (!all.isEmpty()) {
                for (String pair : all.split("\\s+")) {
                    String[] xy = pair.split(",");
                    points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
            }
            lines.add(points);
        }
        return lines;
    }

    /** The first rectangle of the legend group: {x, y, width, height}; null without a legend. */
    double[] legendBox() {
        for (Element g : elements("g")) {
            if ("legend".equals(g.getAttribute("class"))) {
                for (Node n = g.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals("rect")) {
                        return new double[] {number(e, "x", 0), number(e, "y", 0), number(e, "width", 0),
                            number(e, "height", 0)};
                    }
                }
            }
        }
        return null;
    }

    /** {x, y, width, height} of the {@code rect class="plot-area"}. */
    double[] plotArea() {
        Element e = withClass("rect", "plot-area").get(0);
        return new double[] {number(e, "x", 0), number(e, "y", 0), number(e, "width", 0), number(e, "height", 0)};
    }

    /** Points of the series (every 0.5 px along each segment) and dots that fall inside the box. */
    int pointsInside(double[] box) {
        int inside = 0;
        for (List<double[]> line : series()) {
            for (int i = 0; i < line.size(); i++) {
                double[] a = line.get(i);
                double[] b = i + 1 < line.size() ? line.get(i + 1) : a;
                int steps = (int) Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.5) + 1;
                for (int k = 0; k <= steps; k++) {
                    double x = a[0] + (b[0] - a[0]) * k / steps;
                    double y = a[1] + (b[1] - a[1]) * k / steps;
                    if (x >= box[0] && x <= box[0] + box[2] && y >= box[1] && y <= box[1] + box[3]) {
                        inside++;
                    }
                }
            }
        }
        for (Element c : elements("circle")) {
            double x = number(c, "cx", 0);
            double y = number(c, "cy", 0);
            double r = number(c, "r", 0);
            if (x + r >= box[0] && x - r <= box[0] + box[2] && y + r >= box[1] && y - r <= box[1] + box[3]) {
                inside++;
            }
        }
        return inside;
    }
}
