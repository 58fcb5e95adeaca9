package backprop.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool's contract: every row once, failures passed on, and a busy pool never makes a caller wait. */
class RowPoolTest {

    @AfterEach
    void restoreThreads() {
        RowPool.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void everyRowRunsExactlyOnce() {
        RowPool.setThreads(3);
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        RowPool.forRows(1000, 1L << 30, (from, to) -> {
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 1000; i++) {
            assertThat(runs.get(i)).as("row " + i).isEqualTo(1);
        }
    }

    @Test
    void smallWorkStaysOnTheCallingThread() {
        RowPool.setThreads(2);
        Set<String> used = ConcurrentHashMap.newKeySet();
        RowPool.forRows(120, 120L * 20 * 20, (from, to) -> used.add(Thread.currentThread().getName()));
        assertThat(used).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailingPieceFailsTheCallAndThePoolGoesOn() {
        RowPool.setThreads(2);
        assertThatThrownBy(() -> RowPool.forRows(100, 1L << 30, (from, to) -> {
            if (from == 0) {
                throw new IllegalStateException("row 0 is broken");
            }
        })).hasMessage("row 0 is broken");
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        RowPool.forRows(100, 1L << 30, (from, to) -> {
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        });
        assertThat(runs.get(99)).isEqualTo(1);
    }

    @Test
    void aSecondCallerRunsOnItsOwnThreadWhileThePoolIsBusy() {
        RowPool.setThreads(2);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = new Thread(() -> RowPool.forRows(64, 1L << 30, (from, to) -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            first.start();
            inside.await();                       // the pool is busy with the first caller's rows
            Set<String> used = ConcurrentHashMap.newKeySet();
            RowPool.forRows(64, 1L << 30, (from, to) -> used.add(Thread.currentThread().getName()));
            assertThat(used).containsExactly(Thread.currentThread().getName());
            release.countDown();
            first.join();
        });
    }
}
