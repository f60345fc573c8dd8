// prepareHeapForCommand: where the kernel offers transparent huge pages, the heap a command then
// allocates from is eligible for them (the kernel's own account in /proc/self/smaps says so), and
// the heap is not given back piece by piece; without them nothing is advised.
#include "core/common/CommandHeap.h"

#include <QFile>
#include <QTest>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include <sys/prctl.h>

class TestCommandHeap : public QObject
{
    Q_OBJECT

    static QByteArray hugePageMode()
    {
        QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        if (!f.open(QIODevice::ReadOnly))
            return "none";
        const QByteArray line = f.readAll();
        for (const char *mode : {"always", "madvise", "never"})
            if (line.contains(QByteArray("[" + QByteArray(mode) + "]")))
                return mode;
        return "none";
    }

    // The "THPeligible" value of the mapping that holds address, from /proc/self/smaps.
    static int hugePageEligible(std::uintptr_t address)
    {
        QFile f(QStringLiteral("/proc/self/smaps"));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        bool inside = false;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const qsizetype dash = line.indexOf('-');
            const qsizetype space = line.indexOf(' ');
            bool ok1 = false, ok2 = false;
            const std::uintptr_t from = dash > 0 && space > dash ? line.left(dash).toULongLong(&ok1, 16) : 0;
            const std::uintptr_t to = ok1 ? line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16) : 0;
            if (ok1 && ok2) // a mapping's first line: "from-to perms offset dev inode [name]"
                inside = address >= from && address < to;
            else if (inside && line.startsWith("THPeligible:")) {
                return line.mid(12).trimmed().toInt();
            }
        }
        return -1;
    }

private Q_SLOTS:
    void heapAskedForHugePages()
    {
#if !defined(__GLIBC__)
        QSKIP("the heap is prepared with glibc only");
#endif
        const QByteArray mode = hugePageMode();
        if (prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1)
            QSKIP("transparent huge pages are disabled for this process (a container's setting)");
        wb::prepareHeapForCommand();
        // Many small blocks, as a command's records are: they come from the prepared heap.
        std::vector<void *> blocks;
        for (int i = 0; i < 20000; ++i)
            blocks.push_back(std::malloc(200));
        const auto middle = reinterpret_cast<std::uintptr_t>(blocks[blocks.size() / 2]);
        const int eligible = hugePageEligible(middle);
        for (void *b : blocks)
            std::free(b);
        if (eligible < 0)
            QSKIP("this kernel's /proc/self/smaps does not say which mappings may use huge pages");
        if (mode == "always" || mode == "madvise")
            QCOMPARE(eligible, 1);
        else if (mode == "never")
            QCOMPARE(eligible, 0);
        else
            QSKIP("this kernel does not say whether it offers transparent huge pages");
    }
};

QTEST_GUILESS_MAIN(TestCommandHeap)
#include "tst_commandheap.moc"
