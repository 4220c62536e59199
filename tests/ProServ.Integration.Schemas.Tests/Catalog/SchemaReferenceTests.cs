using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Schemas.Tests.Catalog;

public sealed class SchemaReferenceTests
{
    [Theory]
    [InlineData("time-entry@1", "time-entry", 1)]
    [InlineData("common@1", "common", 1)]
    [InlineData("business-event@12", "business-event", 12)]
    [InlineData("a1-b2@3", "a1-b2", 3)]
    public void Parse_ValidText_ReturnsNameAndMajor(string text, string name, int major)
    {
        var reference = SchemaReference.Parse(text);

        Assert.Equal(new SchemaReference(name, major), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("time-entry")]
    [InlineData("time-entry@")]
    [InlineData("@1")]
    [InlineData("time-entry@0")]
    [InlineData("time-entry@01")]
    [InlineData("time-entry@-1")]
    [InlineData("time-entry@+1")]
    [InlineData("time-entry@1.0")]
    [InlineData("time-entry@ 1")]
    [InlineData("time-entry@99999999999")]
    [InlineData("TimeEntry@1")]
    [InlineData("time_entry@1")]
    [InlineData("time--entry@1")]
    [InlineData("time-entry-@1")]
    [InlineData("-time-entry@1")]
    [InlineData("1time@1")]
    [InlineData("time-entry@1@2")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(SchemaReference.TryParse(text, out var reference));
        Assert.Equal(default, reference);
        var ex = Assert.Throws<FormatException>(() => SchemaReference.Parse(text));
        Assert.Contains("name@major", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(SchemaReference.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => SchemaReference.Parse(null!));
    }

    [Fact]
    public void Equality_SameNameAndMajor_Equal()
    {
        Assert.Equal(SchemaReference.Parse("time-entry@2"), new SchemaReference("time-entry", 2));
        Assert.NotEqual(SchemaReference.Parse("time-entry@2"), new SchemaReference("time-entry", 1));
    }
}
