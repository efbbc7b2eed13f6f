using System.Text.RegularExpressions;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>Splits an upper-case descriptor into words and drops the ones that name no merchant.</summary>
internal static partial class DescriptorTokens
{
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "WWW", "POS", "PURCHASE", "PENDING", "CHECKCARD", "UPI", "VPA",
    };

    // Never part of a name, so they go wherever they stand.
    private static readonly HashSet<string> LegalFormsAnywhere = new(StringComparer.Ordinal)
    {
        "PVT", "LTD", "LIMITED", "INC", "LLC", "LLP", "GMBH", "MBH", "PLC", "PTY", "PTE",
    };

    // Real words too ("SA", "CO", "SPA", "AS"), so they go only from the end.
    private static readonly HashSet<string> LegalFormsAtEnd = new(StringComparer.Ordinal)
    {
        "PRIVATE", "INCORPORATED", "CORP", "CORPORATION", "CO", "AG", "KG", "SE", "SA",
        "SAS", "SARL", "SRL", "SPA", "BV", "NV", "DAC", "EV", "AB", "OY", "AS", "APS", "SL", "SAU",
        "UG", "LP",
    };

    private static readonly HashSet<string> PlacesAtEnd = new(StringComparer.Ordinal)
    {
        // US states and territories
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
        "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
        "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
        "WV", "WI", "WY", "PR",
        // big cities that statements append
        "NEW YORK", "NYC", "BROOKLYN", "MANHATTAN", "SAN FRANCISCO", "LOS ANGELES", "SEATTLE",
        "CHICAGO", "AUSTIN", "BOSTON", "DALLAS", "HOUSTON", "SAN JOSE", "SAN DIEGO", "PALO ALTO",
        "MIAMI", "DENVER", "ATLANTA", "PHOENIX", "PHILADELPHIA", "PORTLAND", "LOS GATOS", "LAS VEGAS",
        "ORLANDO", "OAKLAND", "SACRAMENTO", "WASHINGTON", "MOUNTAIN VIEW", "SUNNYVALE",
        "BANGALORE", "BENGALURU", "BLR", "MUMBAI", "BOMBAY", "DELHI", "NEW DELHI", "GURGAON",
        "GURUGRAM", "NOIDA", "PUNE", "CHENNAI", "HYDERABAD", "SECUNDERABAD", "KOLKATA", "AHMEDABAD",
        "JAIPUR", "KOCHI", "THANE", "NAGPUR", "LUCKNOW", "CHANDIGARH", "INDORE", "MYSORE", "COIMBATORE",
        "LONDON", "MANCHESTER", "LEEDS", "BIRMINGHAM", "BRISTOL", "GLASGOW", "EDINBURGH", "LIVERPOOL",
        "SHEFFIELD", "NOTTINGHAM", "CROYDON", "CAMBRIDGE", "OXFORD", "CARDIFF", "BELFAST", "BRIGHTON",
        "BERLIN", "MUENCHEN", "MUNCHEN", "MUNICH", "HAMBURG", "KOELN", "KOLN", "COLOGNE", "FRANKFURT",
        "STUTTGART", "DUESSELDORF", "DUSSELDORF", "PARIS", "LYON", "MARSEILLE", "LILLE", "TOULOUSE",
        "AMSTERDAM", "ROTTERDAM", "UTRECHT", "MADRID", "BARCELONA", "VALENCIA", "SEVILLA", "ROMA",
        "ROME", "MILANO", "MILAN", "WIEN", "VIENNA", "ZURICH", "BRUXELLES", "BRUSSELS", "DUBLIN",
        "LISBOA", "LISBON", "HELSINKI", "TALLINN", "STOCKHOLM", "COPENHAGEN", "OSLO", "PRAGUE",
        "WARSZAWA", "WARSAW", "BANGKOK", "SINGAPORE", "DUBAI", "TORONTO", "SYDNEY",
    };

    // Countries are often part of the name itself (AIR INDIA, BELLA ITALIA, GIVE INDIA), so one
    // goes only when at least two other words remain.
    private static readonly HashSet<string> CountriesAtEnd = new(StringComparer.Ordinal)
    {
        "US", "USA", "UK", "GB", "GBR", "IND", "INDIA", "DEU", "GERMANY", "DEUTSCHLAND", "FR", "FRA",
        "FRANCE", "NL", "NLD", "NEDERLAND", "ES", "ESP", "ESPANA", "IT", "ITA", "ITALIA", "IE", "IRL",
        "BE", "AT", "AUT", "CH", "CHE", "LU", "PT", "FI", "DK", "NO", "PL", "CZ", "EU", "AUS", "SG",
        "SGP", "AE", "ARE", "CAN",
    };

    private static readonly int LongestPlaceWordCount =
        PlacesAtEnd.Max(place => place.Count(c => c == ' ') + 1);

    public static List<string> Read(string text)
    {
        var tokens = new List<string>();
        foreach (var raw in WordPattern().EnumerateMatches(text))
        {
            var word = text.Substring(raw.Index, raw.Length);
            var token = IfscCode().IsMatch(word) ? "" : TrimLongNumberTail(word);
            if (token.Length == 0 || NoiseWords.Contains(token) || LegalFormsAnywhere.Contains(token)
                || IsNumberOrReference(token))
            {
                continue;
            }

            if (token == "S" && tokens.Count > 0 && !tokens[^1].EndsWith('S'))
            {
                tokens[^1] += "S";
                continue;
            }

            if (tokens.Count == 0 || tokens[^1] != token)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    public static void TrimTrailingPlacesAndLegalForms(List<string> tokens)
    {
        var trimmed = true;
        while (trimmed && tokens.Count > 1)
        {
            trimmed = false;
            if (LegalFormsAtEnd.Contains(tokens[^1]) || (tokens.Count > 2 && CountriesAtEnd.Contains(tokens[^1])))
            {
                tokens.RemoveAt(tokens.Count - 1);
                trimmed = true;
                continue;
            }

            for (var words = Math.Min(LongestPlaceWordCount, tokens.Count - 1); words >= 1; words--)
            {
                var tail = string.Join(' ', tokens.Skip(tokens.Count - words));
                if (PlacesAtEnd.Contains(tail))
                {
                    tokens.RemoveRange(tokens.Count - words, words);
                    trimmed = true;
                    break;
                }
            }
        }
    }

    // "AIR0012345678901" is an airline code glued to a ticket number.
    private static string TrimLongNumberTail(string token)
    {
        var match = LettersThenLongNumber().Match(token);
        return match.Success ? match.Groups["letters"].Value : token;
    }

    // Store numbers, order references, dates and card masks change from one charge to the next
    // and would split one merchant into many keys.
    private static bool IsNumberOrReference(string token)
    {
        var digits = token.Count(char.IsAsciiDigit);
        if (digits == 0)
        {
            return token.Length >= 4 && token.All(c => c == 'X');
        }

        var letters = token.Length - digits;
        if (letters == 0 || token.Contains("XX", StringComparison.Ordinal) || DayAndMonth().IsMatch(token))
        {
            return true;
        }

        var switches = 0;
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsAsciiDigit(token[i]) != char.IsAsciiDigit(token[i - 1]))
            {
                switches++;
            }
        }

        return switches >= 3
            || (switches == 2 && digits >= 2 && char.IsAsciiDigit(token[0]))
            || (digits >= 3 && letters <= 2);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?<letters>[A-Z]{3,})[0-9]{4,}$")]
    private static partial Regex LettersThenLongNumber();

    [GeneratedRegex(@"^[A-Z]{4}0[A-Z0-9]{6}$")]
    private static partial Regex IfscCode();

    [GeneratedRegex(@"^[0-9]{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[0-9]{0,4}$")]
    private static partial Regex DayAndMonth();
}
