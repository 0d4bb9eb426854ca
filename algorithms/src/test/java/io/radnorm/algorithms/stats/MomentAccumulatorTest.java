package io.radnorm.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentAccumulatorTest {

    @Test
    void populationStdOfTextbookExampleIsTwo() {
        double[] xs = {2, 4, 4, 4, 5, 5, 7, 9};
        MomentAccumulator acc = new MomentAccumulator();
        for (double x : xs) {
            acc.add(x);
        }
        assertEquals(8, acc.count());
        assertEquals(5.0, acc.mean(), 0);
        assertEquals(4.0, acc.variance(), 1e-15);
        assertEquals(2.0, acc.std(), 1e-15);
        assertEquals(new Moments(8, 5, 2), Moments.of(xs));
        assertEquals(2.0, new MomentAccumulator().addAll(xs, 0, xs.length).std(), 1e-15);
    }

    @Test
    void mergingTwoHalvesEqualsOnePass() {
        double[] xs = randomValues(1001, 300, 40, 7);
        MomentAccumulator whole = new MomentAccumulator();
        for (double x : xs) {
            whole.add(x);
        }
        MomentAccumulator left = new MomentAccumulator();
        MomentAccumulator right = new MomentAccumulator();
        for (int k = 0; k < 400; k++) {
            left.add(xs[k]);
        }
        right.addAll(xs, 400, xs.length - 400);
        MomentAccumulator merged = left.merge(right);

        assertEquals(whole.count(), merged.count());
        assertEquals(whole.mean(), merged.mean(), 1e-12 * Math.abs(whole.mean()));
        assertEquals(whole.std(), merged.std(), 1e-12 * whole.std());
        Moments exact = Moments.of(xs);
        assertEquals(exact.mean(), merged.mean(), 1e-12 * Math.abs(exact.mean()));
        assertEquals(exact.std(), merged.std(), 1e-12 * exact.std());
    }

    @Test
    void stableAroundOneBillionWithTinySpread() {
        // Σx² − n·mean² would cancel to garbage here: x² ≈ 1e18 and the spread is ~1.
        double[] xs = new double[10_000];
        Random rnd = new Random(3);
        for (int k = 0; k < xs.length; k++) {
            xs[k] = 1e9 + rnd.nextGaussian();
        }
        Moments twoPass = Moments.of(xs);
        MomentAccumulator welford = new MomentAccumulator();
        for (double x : xs) {
            welford.add(x);
        }
        MomentAccumulator blocks = new MomentAccumulator();
        for (int off = 0; off < xs.length; off += 333) {
            blocks.merge(new MomentAccumulator().addAll(xs, off, Math.min(333, xs.length - off)));
        }
        assertTrue(twoPass.std() > 0.9 && twoPass.std() < 1.1, "sanity: " + twoPass);
        assertEquals(twoPass.std(), welford.std(), 1e-6 * twoPass.std());
        assertEquals(twoPass.std(), blocks.std(), 1e-6 * twoPass.std());
        assertEquals(twoPass.mean(), welford.mean(), 1e-15 * 1e9 * 4);
        assertEquals(twoPass.mean(), blocks.mean(), 1e-15 * 1e9 * 4);

        // Values exactly 1e9 + {4, 7, 13, 16}: variance 22.5.
        MomentAccumulator small = new MomentAccumulator().add(1e9 + 4).add(1e9 + 7).add(1e9 + 13).add(1e9 + 16);
        assertEquals(22.5, small.variance(), 1e-9);
    }

    @Test
    void floatBlocksMatchDoubleBlocks() {
        float[] fs = {1.5f, 2.25f, 1000.125f, -3f, 7f};
        double[] ds = new double[fs.length];
        for (int k = 0; k < fs.length; k++) {
            ds[k] = fs[k];
        }
        assertEquals(new MomentAccumulator().addAll(ds, 1, 3).toMoments(),
                new MomentAccumulator().addAll(fs, 1, 3).toMoments());
        assertThrows(IndexOutOfBoundsException.class, () -> new MomentAccumulator().addAll(fs, 3, 3));
    }

    @Test
    void emptyIsNaNAndMergesAsNeutral() {
        MomentAccumulator empty = new MomentAccumulator();
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.mean()));
        assertTrue(Double.isNaN(empty.std()));
        assertEquals(Moments.EMPTY, empty.toMoments());
        assertEquals(Moments.EMPTY, Moments.of());

        MomentAccumulator some = new MomentAccumulator().add(1).add(3);
        assertEquals(new Moments(2, 2, 1), new MomentAccumulator().merge(some).toMoments());
        assertEquals(new Moments(2, 2, 1), some.merge(empty).toMoments());
    }

    @Test
    void mergeWithItselfDoublesTheSample() {
        MomentAccumulator acc = new MomentAccumulator().add(1).add(2).add(6);
        Moments before = acc.toMoments();
        acc.merge(acc);
        assertEquals(6, acc.count());
        assertEquals(before.mean(), acc.mean(), 1e-15);
        assertEquals(before.std(), acc.std(), 1e-15);
    }

    @Test
    void fromMomentsContinuesAccumulating() {
        double[] xs = randomValues(50, 10, 2, 11);
        MomentAccumulator first = new MomentAccumulator().addAll(xs, 0, 20);
        MomentAccumulator resumed = MomentAccumulator.from(first.toMoments()).addAll(xs, 20, 30);
        Moments exact = Moments.of(xs);
        assertEquals(exact.mean(), resumed.mean(), 1e-13);
        assertEquals(exact.std(), resumed.std(), 1e-13);
        assertEquals(0, MomentAccumulator.from(Moments.EMPTY).count());
    }

    @Test
    void pairAccumulatorSharesOneCount() {
        PairMomentAccumulator a = new PairMomentAccumulator().add(1, 10).add(3, 30);
        PairMomentAccumulator b = new PairMomentAccumulator().add(5, 50);
        a.merge(b);
        assertEquals(3, a.count());
        assertEquals(Moments.of(1, 3, 5).mean(), a.ofI().mean(), 1e-15);
        assertEquals(Moments.of(1, 3, 5).std(), a.ofI().std(), 1e-15);
        assertEquals(Moments.of(10, 30, 50).std(), a.ofJ().std(), 1e-13);
    }

    @Test
    void serializesForSpark() throws Exception {
        MomentAccumulator acc = new MomentAccumulator().add(2).add(4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            MomentAccumulator back = (MomentAccumulator) in.readObject();
            assertEquals(acc.toMoments(), back.toMoments());
        }
    }

    @Test
    void momentsRejectNegativeCountOrStd() {
        assertThrows(IllegalArgumentException.class, () -> new Moments(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Moments(1, 0, -0.5));
    }

    private static double[] randomValues(int n, double mean, double std, long seed) {
        Random rnd = new Random(seed);
        double[] xs = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = mean + std * rnd.nextGaussian();
        }
        return xs;
    }
}
