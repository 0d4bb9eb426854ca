package io.radnorm.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected components of the overlap graph: images are vertices, overlapping pairs are edges.
 * Radiometric corrections propagate only along edges, so each component is solved against its own
 * reference; a component that contains no reference image cannot be tied to the others.
 *
 * <p>A union-find (disjoint-set forest) with union by size and path halving: {@link #connect} and
 * {@link #find} run in near-constant amortized time, so tens of thousands of images and pairs cost
 * nothing next to reading pixels.
 *
 * <p>{@link #components()} lists every component, singletons included, each as its members in
 * ascending order, and the components by their smallest member — deterministic, whatever order the
 * edges came in.
 */
public final class OverlapComponents {

    private final int[] parent;
    private final int[] size;

    /** {@code vertexCount} isolated vertices, numbered from 0. */
    public OverlapComponents(int vertexCount) {
        if (vertexCount < 0) {
            throw new IllegalArgumentException("vertexCount must not be negative: " + vertexCount);
        }
        parent = new int[vertexCount];
        size = new int[vertexCount];
        for (int v = 0; v < vertexCount; v++) {
            parent[v] = v;
            size[v] = 1;
        }
    }

    /** Components of the graph whose edges are the given overlapping pairs. */
    public static OverlapComponents of(int vertexCount, List<OverlapFinder.Overlap> overlaps) {
        OverlapComponents components = new OverlapComponents(vertexCount);
        for (OverlapFinder.Overlap o : overlaps) {
            components.connect(o.i(), o.j());
        }
        return components;
    }

    public int vertexCount() {
        return parent.length;
    }

    /** Adds the edge (a, b). */
    public void connect(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
    }

    /** The representative of v's component: equal for two vertices iff they are connected. */
    public int find(int v) {
        int x = v;
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public boolean connected(int a, int b) {
        return find(a) == find(b);
    }

    /** Every component, members ascending, components ordered by their smallest member. */
    public List<int[]> components() {
        int n = parent.length;
        int[] indexOfRoot = new int[n];
        Arrays.fill(indexOfRoot, -1);
        int[] filled = new int[n];
        List<int[]> out = new ArrayList<>();
        // Scanning vertices in order meets each component first at its smallest member, which
        // gives both orders for free.
        for (int v = 0; v < n; v++) {
            int r = find(v);
            if (indexOfRoot[r] < 0) {
                indexOfRoot[r] = out.size();
                out.add(new int[size[r]]);
            }
            out.get(indexOfRoot[r])[filled[r]++] = v;
        }
        return out;
    }
}
