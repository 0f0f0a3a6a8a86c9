/// FNV-1a over UTF-8, then MurmurHash3's finalizer so that names that
/// differ in their last characters spread over every bucket: the same on
/// every run and machine, unlike `Hasher`. The state after a prefix is kept,
/// so hashing the prefix with each of many suffixes reads the prefix once.
struct StableHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    init(prefix: String) {
        feed(prefix.utf8)
    }

    /// The hash of the prefix followed by `number` in decimal.
    func appending(_ number: Int) -> UInt64 {
        var copy = self
        copy.feed(String(number).utf8)
        return copy.finalized
    }

    private mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    private var finalized: UInt64 {
        var hash = state
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
