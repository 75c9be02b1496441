using CollegeBot.Bot.Texts;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Tests.Texts;

public sealed class TextRendererTests
{
    private readonly TextRenderer renderer = new(
        new TextCatalog(),
        Options.Create(new CollegeOptions()),
        new CollegeCalendar(new FakeClock(), Options.Create(new CollegeOptions())),
        NullLogger<TextRenderer>.Instance);

    [Fact]
    public void A_typed_value_is_escaped_so_it_arrives_as_plain_text()
    {
        var html = renderer.Render(Text.Of("start.linked").With("name", "<b>Ann & Co</b>").WithRoles("roles", Roles.Student), Languages.English);
        Assert.Contains("<b>&lt;b&gt;Ann &amp; Co&lt;/b&gt;</b>", html);
    }

    [Theory]
    [InlineData(Languages.English, "curator, teacher")]
    [InlineData(Languages.Russian, "куратор, преподаватель")]
    [InlineData(Languages.Kyrgyz, "куратор, окутуучу")]
    public void Roles_are_listed_in_the_recipients_language(string language, string expected)
    {
        var html = renderer.Render(Text.Of("start.already_linked").With("name", "X").WithRoles("roles", Roles.Curator | Roles.Teacher), language);
        Assert.Contains(expected, html);
    }

    [Theory]
    [InlineData(Languages.Russian, 1, "час")]
    [InlineData(Languages.Russian, 3, "часа")]
    [InlineData(Languages.Russian, 5, "часов")]
    [InlineData(Languages.Russian, 11, "часов")]
    [InlineData(Languages.Russian, 21, "час")]
    [InlineData(Languages.Russian, 24, "часа")]
    [InlineData(Languages.English, 1, "hour")]
    [InlineData(Languages.English, 2, "hours")]
    [InlineData(Languages.Kyrgyz, 5, "саат")]
    public void Plural_forms_follow_the_language(string language, int number, string expected)
    {
        var forms = language switch
        {
            Languages.Russian => new[] { "час", "часа", "часов" },
            Languages.English => ["hour", "hours"],
            _ => ["саат"],
        };
        Assert.Equal(expected, PluralForms.Choose(language, number, forms));
    }

    [Fact]
    public void A_nested_list_of_lines_is_rendered_line_by_line()
    {
        var text = Text.Of("help.line").With("command", "help").With("description", Text.Of("command.help"));
        Assert.Equal("/help — What I can do for you", renderer.Render(text, Languages.English));
    }

    [Fact]
    public void Plain_text_for_buttons_has_no_tags_or_entities() =>
        Assert.Equal("Кыргызча", renderer.Plain(Text.Of("language.name.ky"), Languages.English));
}
