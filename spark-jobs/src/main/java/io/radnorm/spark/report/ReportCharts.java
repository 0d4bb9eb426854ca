package io.radnorm.spark.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart into images (headless: no window is ever opened).
 * Missing values (NaN: an image without valid pixels in a band, a pair that no longer overlaps)
 * are left out of the lines and bars rather than drawn as zero.
 */
public final class ReportCharts {

    /** Most images named in the profile chart's legend: past that it is a wall of names, and the lines' spread is the message. */
    static final int MAX_LEGEND_ENTRIES = 24;

    private ReportCharts() {
    }

    /**
     * Mean spectral profiles: two panels, before and after, band on x and mean on y, one line per
     * image; both panels share the y range so they compare at a glance.
     */
    public static BufferedImage spectralProfiles(SpectralProfiles p) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (List<double[]> side : List.of(p.before(), p.after())) {
            for (double[] means : side) {
                for (double m : means) {
                    if (!Double.isNaN(m)) {
                        lo = Math.min(lo, m);
                        hi = Math.max(hi, m);
                    }
                }
            }
        }
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1, Math.abs(lo) * 0.05);
        // The legend goes right of the after panel only, which is widened by its width so that both
        // plots keep the same size; it grows taller with the number of images.
        boolean legend = p.images().size() <= MAX_LEGEND_ENTRIES;
        int longest = p.images().stream().mapToInt(String::length).max().orElse(0);
        int w = 640, legendWidth = legend ? 70 + 7 * longest : 0;
        int h = legend ? Math.max(480, 140 + 20 * p.images().size()) : 480;
        XYChart before = profileChart("Before", p.images(), p.before(), lo - pad, hi + pad, false);
        XYChart after = profileChart("After", p.images(), p.after(), lo - pad, hi + pad, legend);
        BufferedImage img = new BufferedImage(2 * w + legendWidth, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            before.paint(g, w, h);
            g.translate(w, 0);
            after.paint(g, w + legendWidth, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static XYChart profileChart(String title, List<String> images, List<double[]> means, double yMin,
                                        double yMax, boolean legend) {
        XYChart chart = new XYChartBuilder().width(640).height(480).title(title + ": mean per band")
                .xAxisTitle("band").yAxisTitle("mean").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendVisible(legend);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (int i = 0; i < images.size(); i++) {
            double[] m = means.get(i);
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int b = 0; b < m.length; b++) {
                x.add(b + 1.0);
                y.add(Double.isNaN(m[b]) ? null : m[b]);
            }
            XYSeries s = chart.addSeries(images.get(i), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** The seam metric per overlapping pair: a bar before and a bar after for each pair. */
    public static BufferedImage seams(SeamChartData d) {
        int width = Math.max(800, Math.min(4000, 240 + 70 * d.pairs().size()));
        CategoryChart chart = new CategoryChartBuilder().width(width).height(520)
                .title("Seam RMSE per overlapping pair (all bands, pixel-weighted)")
                .xAxisTitle("pair").yAxisTitle("RMSE").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(d.pairs().size() > 6 ? 45 : 0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0xD9, 0x5F, 0x02), new Color(0x1B, 0x9E, 0x77)});
        chart.addSeries("before", d.pairs(), nullForNaN(d.rmseBefore()));
        chart.addSeries("after", d.pairs(), nullForNaN(d.rmseAfter()));
        BufferedImage img = new BufferedImage(width, 520, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.paint(g, width, 520);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static List<Double> nullForNaN(List<Double> values) {
        List<Double> out = new ArrayList<>();
        values.forEach(v -> out.add(v == null || Double.isNaN(v) ? null : v));
        return out;
    }

    private static void style(Styler s) {
        // Below the plot: a legend inside it would hide whichever lines or bars run under it.
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setLegendBorderColor(new Color(0xDDDDDD));
        s.setChartTitleBoxVisible(false);
    }
}
