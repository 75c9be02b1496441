# Build: the SDK restores and publishes the bot.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props CollegeBot.slnx ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Scheduler/Scheduler.csproj src/Scheduler/
COPY src/Bot/Bot.csproj src/Bot/
RUN dotnet restore src/Bot/Bot.csproj
COPY appsettings.json ./
COPY src/ src/
RUN dotnet publish src/Bot/Bot.csproj -c Release --no-restore -o /app

# Run: the ASP.NET runtime (Kestrel serves the webhook mode), as a non-root user, the database in a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
ENV ConnectionStrings__College="Data Source=/app/data/college.db" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/app/data"]
# Telegram__BotToken must be given at run time: docker run -e Telegram__BotToken=... -v college-data:/app/data college-bot
ENTRYPOINT ["dotnet", "CollegeBot.dll"]
