package io.radnorm.spark.report;

import io.radnorm.spark.SeamReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's {@code index.html}: one self-contained page (no scripts, no external resources)
 * showing every picture, with the before ↔ after pairing and the seam numbers as small tables.
 */
final class ReportIndexPage {

    /** A block map's pictures, one per band. */
    record BlockMapSection(String name, String location, List<String> bandFiles) {
    }

    private final StringBuilder html = new StringBuilder();
    private final List<String> referenced = new ArrayList<>();

    ReportIndexPage(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:1400px}\n")
                .append("img{max-width:100%;height:auto;border:1px solid #ddd}\n")
                .append(".pair{display:flex;gap:1em;flex-wrap:wrap}.pair figure{flex:1;min-width:300px;margin:0}\n")
                .append(".ql{background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/16px 16px;"
                        + "image-rendering:pixelated;width:100%}\n")
                .append(".maps{display:flex;gap:.5em;flex-wrap:wrap}.maps img{width:360px}\n")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
    }

    void summary(SeamChartData seams) {
        SeamReport.Summary b = seams.overallBefore(), a = seams.overallAfter();
        html.append("<p>Seam metric over all overlapping pairs and bands (pixel-weighted, as <code>radnorm stats "
                + "compare</code>): RMSE <b>").append(number(b.rmse())).append("</b> before, <b>")
                .append(number(a.rmse())).append("</b> after; mean absolute difference ")
                .append(number(b.meanAbsoluteDifference())).append(" before, ")
                .append(number(a.meanAbsoluteDifference())).append(" after.</p>\n");
    }

    void quicklooks(String beforeFile, String afterFile, String bandsLabel) {
        html.append("<h2>Mosaic quick-look</h2>\n<p>").append(escape(bandsLabel))
                .append("; one 2–98 % stretch from before and after together, so brightness compares. Images are "
                        + "drawn in order, later over earlier.</p>\n<div class=\"pair\">\n");
        figure(beforeFile, "before", "ql");
        figure(afterFile, "after", "ql");
        html.append("</div>\n");
    }

    void seams(String file, SeamChartData d) {
        html.append("<h2>Seams per overlapping pair</h2>\n");
        image(file, "seam RMSE per pair, before and after", null);
        html.append("<table>\n<tr><th>pair</th><th>RMSE before</th><th>RMSE after</th></tr>\n");
        for (int k = 0; k < d.pairs().size(); k++) {
            html.append("<tr><td>").append(escape(d.pairs().get(k))).append("</td><td class=\"n\">")
                    .append(number(d.rmseBefore().get(k))).append("</td><td class=\"n\">")
                    .append(number(d.rmseAfter().get(k))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    void profiles(String file) {
        html.append("<h2>Mean spectral profiles</h2>\n");
        image(file, "mean per band of each image, before and after", null);
    }

    void blockMaps(List<BlockMapSection> maps) {
        if (maps.isEmpty()) {
            return;
        }
        html.append("<h2>Block maps</h2>\n<p>Mean of each block, viridis colours; one colour range per band shared "
                + "by all maps; grey blocks are empty.</p>\n");
        for (BlockMapSection m : maps) {
            html.append("<h3>").append(escape(m.name())).append("</h3>\n<p><code>").append(escape(m.location()))
                    .append("</code></p>\n<div class=\"maps\">\n");
            for (int b = 0; b < m.bandFiles().size(); b++) {
                image(m.bandFiles().get(b), m.name() + " band " + (b + 1), null);
            }
            html.append("</div>\n");
        }
    }

    void pairing(List<String> before, List<String> after) {
        html.append("<h2>Images</h2>\n<table>\n<tr><th>before</th><th>after</th></tr>\n");
        for (int i = 0; i < before.size(); i++) {
            html.append("<tr><td><code>").append(escape(before.get(i))).append("</code></td><td><code>")
                    .append(escape(after.get(i))).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The page, and every picture it references. */
    String finish() {
        return html + "</body>\n</html>\n";
    }

    List<String> referenced() {
        return List.copyOf(referenced);
    }

    private void figure(String file, String caption, String cssClass) {
        html.append("<figure>");
        image(file, caption, cssClass);
        html.append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    }

    private void image(String file, String alt, String cssClass) {
        referenced.add(file);
        html.append("<a href=\"").append(escape(file)).append("\"><img src=\"").append(escape(file))
                .append("\" alt=\"").append(escape(alt)).append('"')
                .append(cssClass == null ? "" : " class=\"" + cssClass + "\"").append("></a>\n");
    }

    private static String number(Double v) {
        return v == null || Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
