"""Gold document B (generated for casetagger, content invented): a half-yearly follow-up on a
municipal strategy for welfare, jobs and health. The initiatives an analyst would list are in
``silkeborg_opfolgning.yaml``."""

from pdfgen import Heading, Paragraph

P = Paragraph

DOCUMENT = [
    Heading("Halvårsopfølgning på Strategi for Sammenhængende Velfærd, 1. halvår 2025", 1),
    Heading("Om opfølgningen", 2),
    P("Byrådet vedtog Strategi for Sammenhængende Velfærd i december 2022. Strategien har fire pejlemærker: flere i "
      "job og uddannelse, en god start på livet, sundhed og trivsel hele livet samt fællesskaber, hvor alle kan "
      "være med. Opfølgningen beskriver udvalgte indsatser, der har ført til beslutninger, aktiviteter eller "
      "resultater i perioden fra januar til juni 2025. Opfølgningen er udarbejdet af Staben for Strategi og "
      "Udvikling med bidrag fra direktørområderne og er drøftet i Direktionen den 19. august."),
    P("Indsatserne er placeret under det pejlemærke, de bidrager mest til. Hvor en indsats understøtter flere "
      "pejlemærker, fremgår det af teksten. Økonomien i de enkelte indsatser behandles ikke her, men i den ordinære "
      "budgetopfølgning til Økonomiudvalget."),

    Heading("Flere i job og uddannelse", 2),
    P("Jobcentret har i foråret styrket samarbejdet med virksomhederne. Med indsatsen Utraditionelle jobs har "
      "virksomhedskonsulenterne sammen med 40 lokale virksomheder skåret stillinger til, så de passer til borgere, "
      "der har været længe uden arbejde, for eksempel ved at samle praktiske opgaver fra flere medarbejdere i ét "
      "job. 57 borgere er kommet i ordinære timer gennem indsatsen, heraf 21 i fleksjob. Jobcentret har samtidig "
      "indført Virksomhedsservice på en dag, hvor en virksomhed, der henvender sig om rekruttering, får svar og en "
      "konkret kandidat inden for 24 timer."),
    P("Projektet Unge med kant hjælper unge mellem 18 og 25 år, som hverken er i job eller uddannelse, og som ofte "
      "har psykiske vanskeligheder eller et misbrug. De unge får en fast mentor og et forløb i værkstedet "
      "Fabrikken, hvor de arbejder med træ, metal og cykler i små hold. I første halvår har 48 unge deltaget, og 19 "
      "er startet på en uddannelse eller i job. Mentorordningen er udviklet sammen med Produktionsskolen og to "
      "boligsociale helhedsplaner, og den er finansieret af en pulje fra Styrelsen for Arbejdsmarked og "
      "Rekruttering frem til 2027."),
    P("STIME er kommunens tværgående indsats for borgere med både ledighed og stofmisbrug. Forløbet kombinerer "
      "behandling i Rusmiddelcentret med virksomhedspraktik og en fast kontaktperson på tværs af afdelingerne. "
      "Evalueringen fra VIVE viser, at deltagerne har dobbelt så stor sandsynlighed for at komme i beskæftigelse "
      "som en sammenlignelig gruppe. Beskæftigelsesudvalget besluttede den 3. juni at gøre STIME permanent fra "
      "2026."),
    P("Erhvervshuset og kommunen har åbnet Iværksætterhuset Spiren i en tidligere fabrikshal ved havnen. Huset "
      "tilbyder 30 kontorpladser og værksteder til nystartede virksomheder, faglig sparring og et forløb om "
      "forretningsudvikling. Efter fem måneder er 24 virksomheder flyttet ind, og otte har ansat deres første "
      "medarbejder. Silkeborg Erhvervsråd og Erhvervshus Midtjylland står for sparringen, mens kommunen har "
      "istandsat bygningen."),

    Heading("En god start på livet", 2),
    P("Med programmet Tidlig Tryghed får alle familier med et nyfødt barn nu et ekstra besøg af sundhedsplejen, "
      "og familier med særlige behov tilbydes forældregrupper og hjælp fra en familierådgiver allerede i "
      "graviditeten. Samtidig er Familiehuset Midtby åbnet som et fælles sted for sundhedsplejerske, jordemoder og "
      "socialrådgiver, hvor 310 familier har været i kontakt med huset i første halvår. Begge indsatser bidrager "
      "også til pejlemærket om sundhed og trivsel."),
    P("Alle daginstitutioner deltager nu i Sprogstart, hvor pædagogerne arbejder systematisk med sprog i små grupper "
      "og inddrager forældrene med bøger og sangkort på flere sprog. Indsatsen er udviklet i samarbejde med "
      "Silkeborg Bibliotekerne, og sprogvurderingerne i foråret viser, at andelen af børn med behov for særlig "
      "sprogstøtte er faldet fra 14 til 10 procent."),
    P("Skoleudvalget har besluttet at udbrede Læring i Naturen til alle skoler fra skoleåret 2025/26, efter at "
      "fire skoler har afprøvet en fast ugentlig udeskoledag i samarbejde med Naturcenter Silkeborg. "
      "Lærerne på de fire skoler oplever, at eleverne er mere aktive og koncentrerede, og en trivselsmåling viser en "
      "fremgang i elevernes oplevelse af at høre til i klassen. Skoleleder Henrik Dalsgaard har stået for "
      "afprøvningen."),
    P("Ungdomsskolen har sammen med fritidsklubberne og SSP oprettet Natholdet, et tilbud til unge fra 14 til 17 "
      "år, der holder åbent fredag og lørdag aften i to idrætshaller. Tilbuddet er bemandet med gadeplansmedarbejdere "
      "og frivillige fra idrætsforeningerne, og det har i gennemsnit 60 besøgende pr. aften. Politiet melder om "
      "færre anmeldelser af uro i de to bydele i samme periode."),

    Heading("Sundhed og trivsel hele livet", 2),
    P("Sundhedscentret har i foråret gennemført forebyggelsesprogrammet Stærk hele livet for borgere over 65 år med "
      "begyndende tab af funktionsevne. Programmet består af holdtræning to gange om ugen, kostvejledning og "
      "samtaler om ensomhed, og 136 borgere har deltaget. 71 procent af deltagerne har forbedret deres "
      "funktionsevne målt med en standardiseret test. Ældrerådet har fulgt programmet og anbefaler, at det udbredes "
      "til lokalcentrene."),
    P("Indsatsen Røgfri Fremtid, som kommunen har tilsluttet sig sammen med Kræftens Bekæmpelse, er i perioden "
      "udvidet med røgfri skoletid på alle skoler og på ungdomsuddannelserne i kommunen, og Sundhedscentret har "
      "oprettet gratis rygestophold for unge. 62 unge har deltaget, og 35 er røgfri efter seks måneder. Samtidig "
      "er Mental Sundhed i Skolen afprøvet i 7. klasse på seks skoler, hvor eleverne lærer om følelser, stress og "
      "om at bede om hjælp."),
    P("Demensvenligt Silkeborg er et samarbejde mellem kommunen, Alzheimerforeningen og butikker, banker og "
      "busselskabet om at gøre byen lettere at færdes i for mennesker med demens. I første halvår er 45 "
      "medarbejdere i butikker og busser uddannet som demensvenner, og der er åbnet et pårørendecafé på Hvidhøj "
      "Lokalcenter. Borgmester Helle Gade deltog i lanceringen den 9. april sammen med formanden for Ældrerådet."),
    P("Hjemmeplejen har i perioden indført velfærdsteknologi i form af skærmbesøg og elektroniske medicindispensere "
      "hos 220 borgere. Det har frigjort tid til flere besøg hos de borgere, der har mest brug for dem, og "
      "medarbejderne oplever færre afbrydelser i løbet af dagen."),

    Heading("Fællesskaber, hvor alle kan være med", 2),
    P("Bostøtteindsatsen Egen Dør hjælper hjemløse borgere i egen bolig efter housing first-princippet med "
      "intensiv støtte fra en fast bostøtte. I samarbejde med to boligorganisationer er der i første halvår skaffet "
      "18 boliger, og 16 af de borgere, der flyttede ind i 2024, bor der stadig. Socialudvalget har godkendt en "
      "udvidelse med otte boliger i 2026."),
    P("I boligområdet Resenbro har kommunen og boligorganisationen fået 4,3 mio. kr. fra Landsbyggefonden til "
      "den boligsociale helhedsplan Sammen i Resenbro, der blandt andet rummer lektiecafé, en jobcafé og et "
      "forældrenetværk. Lektiecaféen drives af frivillige fra Røde Kors og har 35 faste elever. Helhedsplanen "
      "løber til 2029."),
    P("Fritidspasset giver børn og unge fra familier med lav indkomst gratis kontingent og udstyr i en "
      "idrætsforening eller musikskolen, og en fritidsguide hjælper barnet godt i gang. 112 børn har fået et "
      "fritidspas i første halvår, og de fleste går stadig til aktiviteten efter tre måneder. Ordningen er "
      "finansieret af en privat fond og administreres af Kultur- og Fritidsafdelingen."),
    P("Frivilligcentret har sammen med kommunen etableret et netværk af besøgsvenner til ældre, der sidder alene, "
      "og til borgere med psykiske vanskeligheder. 74 frivillige er matchet med en borger. Centret modtager "
      "derudover driftsstøtte efter servicelovens paragraf 18."),

    Heading("Videre proces", 2),
    P("Direktionen anbefaler, at der i den kommende budgetlægning ses særligt på, om Unge med kant og Egen Dør kan "
      "videreføres efter projektperioden, og om Stærk hele livet kan udbredes til alle lokalcentre. Den næste "
      "opfølgning forelægges Byrådet i februar 2026. Spørgsmål kan rettes til chefkonsulent Rasmus Ebbesen i "
      "Staben for Strategi og Udvikling."),
]
