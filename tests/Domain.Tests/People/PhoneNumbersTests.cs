using CollegeBot.Domain.People.Import;

namespace CollegeBot.Domain.Tests.People;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+996555123456", "+996555123456")]
    [InlineData("+996 555 123 456", "+996555123456")]
    [InlineData("+996-(700)-11-12-22", "+996700111222")]
    [InlineData("+7 701 123 45 67", "+77011234567")]
    [InlineData("+49 30 1234567", "+49301234567")]
    public void A_phone_in_international_form_is_kept_without_separators(string text, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalize(text, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("0555123456")]
    [InlineData("996555123456")]
    [InlineData("+996 555 123 45")]
    [InlineData("+996 555 123 4567")]
    [InlineData("+1 23 45")]
    [InlineData("+1234567890123456")]
    [InlineData("+996 555 ABC 456")]
    [InlineData("+")]
    [InlineData("")]
    public void A_phone_that_is_incomplete_or_not_international_is_refused(string text)
    {
        Assert.False(PhoneNumbers.TryNormalize(text, out _));
    }
}
