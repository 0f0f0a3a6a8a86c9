/// FNV-1a over UTF-8, then MurmurHash3's finalizer so that names that
/// differ in their last characters spread over every bucket: the same on
/// every run and machine, unlike `Hasher`. The state after a prefix is kept,
/// so hashing the prefix with each of many suffixes reads the prefix once.
struct StableHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    init(prefix: String) {
        feed(prefix.utf8)
    }

    /// The hash of the prefix followed by `number` (not negative) in
    /// decimal, its digits fed as they are worked out, without a string.
    func appending(_ number: Int) -> UInt64 {
        precondition(number >= 0, "a part's number is not negative")
        var copy = self
        var place = 1
        while place <= number / 10 { place *= 10 }
        var rest = number
        repeat {
            copy.feed(UInt8(ascii: "0") + UInt8(rest / place))
            rest %= place
            place /= 10
        } while place > 0
        return copy.finalized
    }

    private mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) {
        state ^= UInt64(byte)
        state &*= 0x0000_0100_0000_01b3
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
