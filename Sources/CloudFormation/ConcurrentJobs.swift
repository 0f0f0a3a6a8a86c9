import Dispatch

/// Runs `count` independent jobs on the machine's cores and returns their
/// results in job order, so nothing that follows depends on which job
/// finished first.
public func concurrentResults<Result: Sendable>(_ count: Int, _ job: @Sendable (Int) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.store(job(index), at: index)
    }
    return slots.results
}

/// One slot per job. Each slot is written by exactly one job, and
/// `concurrentPerform` returns only after every job has finished, which
/// orders those writes before the results are read.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    // @unchecked: distinct jobs write distinct slots of raw memory (an
    // Array's copy-on-write check would itself be a shared access).
    private let base: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func store(_ result: Result, at index: Int) {
        base[index] = result
    }

    var results: [Result] {
        (0..<count).map { base[$0]! }
    }
}
