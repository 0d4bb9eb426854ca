package io.radnorm.spark;

import io.radnorm.algorithms.stats.ImageWindow;
import java.io.Serializable;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A statistic computed cell by cell over the canvas and merged across cells: the "map → mergeable
 * statistic → reduce" step of every radnorm pass. Implementations are pure functions of the pixels
 * they are given (in {@code algorithms}); {@link CanvasCellPass} does the reading and the reduce.
 *
 * @param <S> the mergeable statistic; only it travels to the driver
 */
public interface CellAggregator<S extends Serializable> extends Serializable {

    /** An empty statistic. */
    S zero();

    /** Adds what one cell's windows (every image that reaches into the cell) contribute. */
    void add(Envelope cell, List<ImageWindow> windows, S into);

    /** Merges {@code b} into {@code a} and returns {@code a}. */
    S merge(S a, S b);
}
