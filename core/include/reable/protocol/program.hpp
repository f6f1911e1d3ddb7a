#pragma once

#include "reable/protocol/instrument.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace reable::protocol {

/// An instrument's scoring rules compiled into flat arrays of integers, for the engine's hot
/// path. Built once by the loader after every check has passed; the model in Instrument stays
/// the readable definition (reports, `protocols show`) and this is only its fast form. Kinds
/// that need decimal arithmetic (mean, linear, ratio, mean_of_trials) are evaluated from the
/// model; band lookups, stop rules, best trials, sums and alternatives run from here.
struct Program {
    /// One band table applied to one input: a `band` score, or one step of a stop rule.
    struct Table {
        std::uint32_t input = 0;  ///< slot read
        std::uint32_t first = 0;  ///< into starts / points
        std::uint32_t count = 0;
        std::uint32_t uncertain_first = 0;  ///< into uncertain
        std::uint32_t uncertain_count = 0;
        std::uint8_t state_mask = 0;  ///< bit s set: state s scores state_points[s]
        bool has_continue = false;    ///< stop rule: continue only if points ≥ continue_at_least
        std::array<std::int64_t, k_trial_state_count> state_points{};
        std::int64_t continue_at_least = 0;
    };

    struct Node {
        ScoreKind kind = ScoreKind::sum;
        std::uint8_t keep_flags = 0xFF;  ///< flags kept; an alternative branch drops "incomplete"
        bool lower_is_better = false;
        std::int32_t max_missing = 0;
        std::uint32_t out = 0;    ///< slot written
        std::uint32_t first = 0;  ///< into tables (band, stop_rule), trials (best), inputs (sum, first_present, value)
        std::uint32_t count = 0;
        std::uint32_t score = 0;  ///< index into Instrument::scores
    };

    /// One interpretation's band lookup: for each of "any sex", female and male, where its starts
    /// and band order are.
    struct Lookup {
        std::uint32_t input = 0;
        bool by_sex = false;
        std::array<std::uint32_t, 3> first{};
        std::array<std::uint32_t, 3> count{};
    };

    struct TrialRange {
        std::uint32_t first = 0;
        std::uint32_t count = 0;
    };

    std::vector<std::pair<std::uint32_t, std::uint32_t>> copies;  ///< {slot, trial} of single-value items
    std::vector<Node> nodes;
    std::vector<Table> tables;
    std::vector<std::uint32_t> inputs;
    std::vector<TrialRange> trials;
    std::vector<std::int64_t> starts;
    std::vector<std::int64_t> points;
    std::vector<std::int64_t> uncertain;
    std::vector<Lookup> lookups;
    std::vector<std::int64_t> lookup_starts;
    std::vector<std::uint8_t> lookup_order;  ///< band index for each of lookup_starts

    /// Compiles a checked instrument (its band indexes must be built).
    static Program compile(const Instrument& instrument);

    /// Index of the last start at or below `m` in starts[first, first + count): the band that
    /// contains a value the input can take.
    static std::uint32_t locate(const std::int64_t* starts, std::uint32_t count, std::int64_t m)
    {
        std::uint32_t i = 0;
        while (i + 1 < count && starts[i + 1] <= m) ++i;
        return i;
    }
};

}  // namespace reable::protocol
