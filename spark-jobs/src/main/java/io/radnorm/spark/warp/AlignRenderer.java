package io.radnorm.spark.warp;

import io.radnorm.algorithms.warp.PixelMapping;
import io.radnorm.algorithms.warp.PointTransform;
import io.radnorm.algorithms.warp.Resampler;
import io.radnorm.algorithms.warp.ResamplingMethod;
import io.radnorm.algorithms.warp.TargetGrid;
import io.radnorm.algorithms.warp.WindowWarp;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.CrsTransform;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.cog.WindowRenderer;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * Renders any window of one aligned output: maps the window into the source image, reads only
 * the source window it needs (padded by the kernel's reach), and resamples ({@link WindowWarp}).
 * The CRS transform is built once per executor JVM (Apache SIS operations are not serializable).
 */
record AlignRenderer(RasterInfo source, Crs targetCrs, TargetGrid grid, ResamplingMethod method, double scaleX,
                     double scaleY, double errorThreshold, double sourceNodata, DataType outType, Double outNodata)
        implements WindowRenderer {

    /** Per JVM: finding a coordinate operation costs milliseconds, each window would repeat it. */
    private static final java.util.Map<String, CrsTransform> TRANSFORMS = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Raster render(Window w, Configuration conf) throws IOException {
        Crs from = targetCrs, to = source.crs() == null ? targetCrs : source.crs();
        CrsTransform t = TRANSFORMS.computeIfAbsent(from.name() + ">" + to.name(), k -> CrsTransform.between(from, to));
        PointTransform pt = t.isIdentity() ? PointTransform.IDENTITY : t::transform;
        PixelMapping mapping = new PixelMapping(grid.transform(), source.geoTransform(), pt, errorThreshold);
        Resampler resampler = new Resampler(method, scaleX, scaleY);
        Window src = mapping.sourceWindow(w, resampler.padding(), source.width(), source.height());
        if (src.isEmpty()) {
            return WindowWarp.render(null, src, sourceNodata, mapping, resampler, w, source.bandCount(), outType,
                    outNodata);
        }
        Raster pixels;
        try (GeoTiffReader r = GeoTiffReader.open(source.location(), conf)) {
            pixels = r.read(src);
        }
        return WindowWarp.render(pixels, src, sourceNodata, mapping, resampler, w, source.bandCount(), outType,
                outNodata);
    }
}
