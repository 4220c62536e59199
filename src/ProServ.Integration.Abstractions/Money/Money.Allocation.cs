using System.Numerics;

namespace ProServ.Integration.Finance;

/// <content>Holds the allocation of an amount into parts that add up exactly.</content>
public readonly partial record struct Money
{
    /// <summary>Allocates the amount, rounded to minor units, to parts in proportion to ratios, so the parts add up exactly.</summary>
    /// <param name="ratios">The non-negative ratios, at least one of them above zero, for example <c>[50, 30, 20]</c> or <c>[0.5, 0.25, 0.25]</c>.</param>
    /// <returns>One amount per ratio, in order, each rounded to minor units, summing exactly to <c>Round()</c>.</returns>
    /// <remarks>
    /// Uses the largest-remainder method in exact integer arithmetic: each part first gets the floor of its exact share in
    /// minor units, then the left-over minor units go one each to the parts with the largest remainders, ties to the
    /// lower index. Each part differs from its exact share by less than one minor unit; a zero ratio gets zero. For a
    /// negative amount the parts are the negated allocation of its absolute value. Deterministic.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="ratios"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="ratios"/> is empty, has a negative ratio or sums to zero.</exception>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Count == 0)
        {
            throw new ArgumentException("At least one ratio is required.", nameof(ratios));
        }

        var scale = 0;
        for (var i = 0; i < ratios.Count; i++)
        {
            if (ratios[i] < 0m)
            {
                throw new ArgumentException($"Ratio {i} is negative ({ratios[i]}); ratios must be zero or positive.", nameof(ratios));
            }

            scale = Math.Max(scale, ratios[i].Scale);
        }

        var weights = new BigInteger[ratios.Count];
        var sum = BigInteger.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = ToScaledInteger(ratios[i], scale);
            sum += weights[i];
        }

        if (sum.IsZero)
        {
            throw new ArgumentException("The ratios sum to zero; at least one must be positive.", nameof(ratios));
        }

        return Distribute(weights, sum);
    }

    /// <summary>Splits the amount, rounded to minor units, into equal parts that add up exactly.</summary>
    /// <param name="parts">The number of parts, 1 or more.</param>
    /// <returns>The parts, in order; they differ from each other by at most one minor unit, the larger ones first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
    public IReadOnlyList<Money> Split(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var weights = new BigInteger[parts];
        Array.Fill(weights, BigInteger.One);
        return Distribute(weights, new BigInteger(parts));
    }

    private static BigInteger ToScaledInteger(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return mantissa * BigInteger.Pow(10, scale - value.Scale);
    }

    private Money[] Distribute(BigInteger[] weights, BigInteger sum)
    {
        var rounded = Round();
        var digits = Currency.MinorUnits;
        var total = new BigInteger(decimal.Abs(rounded.Amount) * PowersOfTen[digits]);
        var negative = rounded.Amount < 0m;

        var units = new BigInteger[weights.Length];
        var remainders = new BigInteger[weights.Length];
        var leftover = total;
        for (var i = 0; i < weights.Length; i++)
        {
            units[i] = BigInteger.DivRem(total * weights[i], sum, out remainders[i]);
            leftover -= units[i];
        }

        if (!leftover.IsZero)
        {
            var order = new int[weights.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var byRemainder = remainders[b].CompareTo(remainders[a]);
                return byRemainder != 0 ? byRemainder : a.CompareTo(b);
            });

            for (var k = 0; k < (int)leftover; k++)
            {
                units[order[k]] += BigInteger.One;
            }
        }

        var result = new Money[weights.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var amount = WithScale((decimal)units[i] / PowersOfTen[digits], digits);
            result[i] = new Money(negative ? NormalizeZero(-amount) : amount, Currency);
        }

        return result;
    }
}
