// The machine's limit for verifying a wheel: what inflating and hashing every member costs and
// nothing else. Maps the archive, walks the central directory, then inflates each member with
// libdeflate and hashes it with OpenSSL's SHA-256, members spread over every core. No RECORD,
// no report, no Qt: the floor that bench_inspect_e2e compares `wheelbench inspect --json` with.
//
//   verify_limit WHEEL [--threads N]    prints "MEMBERS BYTES" (uncompressed bytes hashed)
#include <libdeflate.h>
#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace {

uint16_t u16(const unsigned char *p) { return uint16_t(p[0] | p[1] << 8); }
uint32_t u32(const unsigned char *p) { return uint32_t(u16(p)) | uint32_t(u16(p + 2)) << 16; }
uint64_t u64(const unsigned char *p) { return uint64_t(u32(p)) | uint64_t(u32(p + 4)) << 32; }

struct Member {
    uint64_t data = 0, compressed = 0, size = 0;
    uint16_t method = 0;
};

bool walk(const unsigned char *m, uint64_t n, std::vector<Member> &out)
{
    if (n < 22)
        return false;
    uint64_t eocd = n - 22;
    const uint64_t stop = n > 22 + 65535 ? n - 22 - 65535 : 0;
    while (u32(m + eocd) != 0x06054b50) {
        if (eocd == stop)
            return false;
        --eocd;
    }
    uint64_t count = u16(m + eocd + 10), cdOffset = u32(m + eocd + 16);
    if ((count == 0xFFFF || cdOffset == 0xFFFFFFFF) && eocd >= 20 && u32(m + eocd - 20) == 0x07064b50) {
        const uint64_t e64 = u64(m + eocd - 20 + 8);
        count = u64(m + e64 + 32);
        cdOffset = u64(m + e64 + 48);
    }
    uint64_t pos = cdOffset;
    for (uint64_t i = 0; i < count && pos + 46 <= n && u32(m + pos) == 0x02014b50; ++i) {
        const unsigned char *c = m + pos;
        Member e;
        e.method = u16(c + 10);
        e.compressed = u32(c + 20);
        e.size = u32(c + 24);
        uint64_t local = u32(c + 42);
        const uint16_t nameLen = u16(c + 28), extraLen = u16(c + 30), commentLen = u16(c + 32);
        for (uint32_t x = 46u + nameLen; x + 4 <= 46u + nameLen + extraLen;) {
            const uint16_t id = u16(c + x), len = u16(c + x + 2);
            if (id == 1) {
                uint32_t o = x + 4;
                if (e.size == 0xFFFFFFFF) { e.size = u64(c + o); o += 8; }
                if (e.compressed == 0xFFFFFFFF) { e.compressed = u64(c + o); o += 8; }
                if (local == 0xFFFFFFFF) local = u64(c + o);
            }
            x += 4 + len;
        }
        pos += 46 + nameLen + extraLen + commentLen;
        if (c[46 + nameLen - 1] == '/')
            continue;
        if (local + 30 > n)
            return false;
        e.data = local + 30 + u16(m + local + 26) + u16(m + local + 28);
        out.push_back(e);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: verify_limit WHEEL [--threads N]\n");
        return 2;
    }
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    if (argc >= 4 && std::strcmp(argv[2], "--threads") == 0)
        threads = unsigned(std::max(1, std::atoi(argv[3])));
    const int fd = open(argv[1], O_RDONLY);
    struct stat st {};
    if (fd < 0 || fstat(fd, &st) != 0) {
        std::perror(argv[1]);
        return 2;
    }
    const uint64_t n = uint64_t(st.st_size);
    auto *m = static_cast<const unsigned char *>(mmap(nullptr, n, PROT_READ, MAP_PRIVATE, fd, 0));
    if (m == MAP_FAILED) {
        std::perror("mmap");
        return 2;
    }
    std::vector<Member> members;
    if (!walk(m, n, members)) {
        std::fprintf(stderr, "not a ZIP archive\n");
        return 2;
    }
    std::atomic<size_t> next{0};
    std::atomic<uint64_t> hashed{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
        libdeflate_decompressor *d = libdeflate_alloc_decompressor();
        EVP_MD *sha = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        std::vector<unsigned char> out;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned len = 0;
        uint64_t mine = 0;
        for (size_t i = next++; i < members.size(); i = next++) {
            const Member &e = members[i];
            if (e.data + e.compressed > n) {
                failed = true;
                continue;
            }
            const unsigned char *bytes = m + e.data;
            if (e.method == 8) {
                out.resize(std::max<size_t>(out.size(), e.size));
                size_t got = 0;
                if (libdeflate_deflate_decompress(d, bytes, e.compressed, out.data(), e.size, &got) != LIBDEFLATE_SUCCESS || got != e.size)
                    failed = true;
                bytes = out.data();
            }
            EVP_Digest(bytes, e.size, digest, &len, sha, nullptr);
            mine += e.size;
        }
        hashed += mine;
        EVP_MD_free(sha);
        libdeflate_free_decompressor(d);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    std::printf("%zu %llu\n", members.size(), static_cast<unsigned long long>(hashed.load()));
    return failed ? 1 : 0;
}
