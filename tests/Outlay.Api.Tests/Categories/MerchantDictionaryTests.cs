using System.Text;
using Outlay.Api.Categories.AutoCategorisation;

namespace Outlay.Api.Tests.Categories;

public sealed class MerchantDictionaryTests
{
    [Fact]
    public void BuiltIn_ShippedDataFile_LoadsWithThousandsOfTerms() =>
        Assert.True(MerchantDictionary.BuiltIn.TermCount > 2_000);

    [Fact]
    public void BuiltIn_ShippedMccFile_MapsCodesFromTheReadme()
    {
        Assert.Equal("Travel", MccCategories.BuiltIn.Find("4112"));
        Assert.Equal("Transport", MccCategories.BuiltIn.Find("4111"));
        Assert.Equal("Health", MccCategories.BuiltIn.Find("7997"));
        Assert.Equal("Other", MccCategories.BuiltIn.Find("0742"));
        Assert.Equal("Travel", MccCategories.BuiltIn.Find("3501"));
    }

    [Fact]
    public void Load_TermListedTwice_Throws() =>
        Assert.Throws<InvalidDataException>(() => Load("""
            { "groups": [
              { "category": "Shopping", "priority": 70, "terms": [ "Acme Inc" ] },
              { "category": "Health", "priority": 70, "terms": [ "ACME" ] }
            ] }
            """));

    [Fact]
    public void Load_UnknownCategory_Throws() =>
        Assert.Throws<InvalidDataException>(() => Load("""
            { "groups": [ { "category": "Snacks", "priority": 70, "terms": [ "acme" ] } ] }
            """));

    [Fact]
    public void FindBest_LongerPhraseAtSamePriority_BeatsSingleWord()
    {
        var dictionary = Load("""
            { "groups": [
              { "category": "Groceries", "priority": 70, "terms": [ "acme" ] },
              // a comment, as the shipped file has
              { "category": "Transport", "priority": 70, "terms": [ "acme fuel" ] },
            ] }
            """);

        Assert.Equal("Transport", dictionary.FindBest(["acme", "fuel", "depot"])?.Category);
        Assert.Equal("Groceries", dictionary.FindBest(["acme", "depot"])?.Category);
    }

    [Fact]
    public void FindBest_WordPrefixAndSuffixTerms_MatchCompoundWords()
    {
        var dictionary = Load("""
            { "groups": [ { "category": "Health", "priority": 45, "terms": [ "pharma*", "*apotheke" ] } ] }
            """);

        Assert.Equal("Health", dictionary.FindBest(["stadtapotheke"])?.Category);
        Assert.Equal("Health", dictionary.FindBest(["pharmacie", "centrale"])?.Category);
        Assert.Null(dictionary.FindBest(["farmer"]));
    }

    private static MerchantDictionary Load(string json) =>
        MerchantDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
