// ELF, PE and Mach-O readers (and the policy evaluation and stable-ABI check of what they read).
#include "core/binary/BinaryInfo.h"
#include "core/binary/Policy.h"
#include "core/binary/StableAbi.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const wb::BinaryInfo info = wb::readBinary(bytes);
    if (info.format == wb::BinaryInfo::Format::Elf)
        (void)wb::PolicyTable::manylinux().evaluate(info, QStringLiteral("fuzz.so"));
    (void)wb::readElf(bytes);
    (void)wb::nonStableAbiCalls(wb::readPe(bytes));   // PE imports per DLL
    (void)wb::readMachO(bytes);
    return 0;
}
