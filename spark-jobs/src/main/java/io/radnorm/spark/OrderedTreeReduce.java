package io.radnorm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * A tree reduce whose result does not depend on which task finishes first: partial results are
 * always merged in partition order.
 *
 * <p>Why: statistics merge in floating point (Chan's update of means and M2 is not associative to
 * the last bit), and Spark's {@code treeReduce} merges partial results in the order they arrive.
 * Two runs over the same pixels could then solve models differing in the last bits and write
 * outputs that differ in a few samples — which would make a retried or resumed run disagree with
 * a clean one. Here each level groups consecutive partitions ({@code fanIn} of them, by index),
 * sorts every group by partition index before folding it, and the driver folds the last level's
 * results in index order too. Like {@code treeReduce} only partial results travel: with n
 * partitions, groups of about √n are merged on the executors and the driver receives about √n.
 */
public final class OrderedTreeReduce {

    private OrderedTreeReduce() {
    }

    /** Reduces {@code rdd}, each partition holding at most one partial result, in partition order. */
    public static <S extends Serializable> S reduce(JavaRDD<S> rdd, Function2<S, S, S> merge, S zero) throws Exception {
        int n = rdd.getNumPartitions();
        int fanIn = Math.max(2, (int) Math.ceil(Math.sqrt(n)));
        List<Tuple2<Integer, S>> last;
        if (n <= fanIn * 2) {
            last = indexed(rdd).collect();
        } else {
            int groups = (n + fanIn - 1) / fanIn;
            last = indexed(rdd)
                    .mapToPair(t -> new Tuple2<>(t._1() / fanIn, t))
                    .groupByKey(groups)
                    .map(g -> {
                        List<Tuple2<Integer, S>> parts = new ArrayList<>();
                        g._2().forEach(parts::add);
                        return new Tuple2<>(g._1(), foldInOrder(parts, merge, null));
                    })
                    .filter(t -> t._2() != null)
                    .collect();
        }
        S out = foldInOrder(new ArrayList<>(last), merge, null);
        return out == null ? zero : out;
    }

    private static <S> JavaRDD<Tuple2<Integer, S>> indexed(JavaRDD<S> rdd) {
        return rdd.mapPartitionsWithIndex((Integer idx, Iterator<S> it) -> {
            List<Tuple2<Integer, S>> out = new ArrayList<>(1);
            while (it.hasNext()) {
                out.add(new Tuple2<>(idx, it.next()));
            }
            return out.iterator();
        }, true);
    }

    /** Folds the values sorted by their index; {@code null} when there are none. */
    private static <S> S foldInOrder(List<Tuple2<Integer, S>> parts, Function2<S, S, S> merge, S start) throws Exception {
        parts.sort(Comparator.comparingInt(Tuple2::_1));
        S acc = start;
        for (Tuple2<Integer, S> p : parts) {
            acc = acc == null ? p._2() : merge.call(acc, p._2());
        }
        return acc;
    }
}
