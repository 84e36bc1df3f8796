"""A fixed background of news sentences that stands in for the neighbours a very short document lacks.

Margin scoring (LASER-style, in `align` and `ordered_align`) divides a pair's cosine by how similar each
sentence is to its k nearest neighbours on the other side. A document of one to three sentences has fewer
than k neighbours, so the margin degenerates: two one-sentence briefs that say the same thing score a margin
of exactly 1.0 ("no better than the neighbourhood") and never align, and two sentences of one topic share a
neighbourhood made of each other. Filling the neighbourhood from a fixed set of unrelated news sentences,
encoded by the same encoder, gives these documents the level of an ordinary unrelated sentence to stand out
from, whatever range the encoder's cosines sit in.

The sentences were written for driftcheck (no third-party text): everyday news on many topics, in the three
languages the tool is built for, none of them translations of each other.
"""

from __future__ import annotations

BACKGROUND_SENTENCES: tuple[str, ...] = (
    # English
    "The city council approved a new budget for road repairs after a three-hour debate.",
    "Shares of the retailer fell sharply on Tuesday after it cut its sales forecast.",
    "Heavy snowfall closed several mountain passes and delayed trains across the region.",
    "The striker scored twice in the second half to give his team a narrow win.",
    "Researchers say the new vaccine produced a strong immune response in older adults.",
    "Police arrested two men suspected of stealing copper cable from a railway line.",
    "The museum will reopen in the spring with an exhibition of medieval manuscripts.",
    "Farmers warned that the drought could halve this year's wheat harvest.",
    "The airline plans to add direct flights to three Asian cities next summer.",
    "A court ruled that the landlord must return the deposits of forty tenants.",
    "The central bank kept interest rates unchanged, citing stubborn inflation.",
    "Teachers in the capital walked out over pay and class sizes.",
    "The company recalled thousands of electric scooters because of a battery fault.",
    "Voters in the small island nation elected a new parliament on Sunday.",
    "A wildfire destroyed dozens of homes before firefighters brought it under control.",
    "The hospital opened a new wing for children with rare diseases.",
    "Negotiators reached a provisional deal on fishing quotas late on Friday night.",
    "The software update fixes a security flaw that let attackers read private messages.",
    "Astronomers spotted a comet that will be visible to the naked eye in March.",
    "The orchestra announced that its long-serving conductor will retire next year.",
    # German
    "Der Stadtrat hat den Bau einer neuen Grundschule im Norden der Stadt beschlossen.",
    "Die Inflationsrate ist im Oktober leicht gesunken, teilte das Statistikamt mit.",
    "Nach dem Sturm waren mehrere tausend Haushalte stundenlang ohne Strom.",
    "Der Trainer lobte die Abwehr seiner Mannschaft nach dem torlosen Unentschieden.",
    "Die Bahn kündigte für das Wochenende umfangreiche Bauarbeiten auf der Strecke an.",
    "Ein Gericht hat die Klage der Anwohner gegen den Flughafenausbau abgewiesen.",
    "Der Konzern will bis Ende des Jahres mehrere Filialen schließen.",
    "Forscher haben in einem See eine bisher unbekannte Fischart entdeckt.",
    "Die Regierung plant höhere Zuschüsse für den Einbau von Wärmepumpen.",
    "Bei einem Verkehrsunfall auf der Autobahn wurden drei Menschen leicht verletzt.",
    "Das Festival zog in diesem Sommer so viele Besucher an wie nie zuvor.",
    "Die Gewerkschaft fordert mehr Personal in den Pflegeheimen.",
    "Der Autohersteller stellt ein günstigeres Elektromodell für Familien vor.",
    "Die Polizei sucht Zeugen eines Einbruchs in ein Juweliergeschäft.",
    "Die Universität erhält Millionen für ein neues Forschungszentrum zur Klimaanpassung.",
    "Wegen des Hochwassers wurde die Fähre über den Fluss vorübergehend eingestellt.",
    "Der Minister kündigte an, das Gesetz noch vor der Sommerpause vorzulegen.",
    "Die Preise für Butter und Milch sind im vergangenen Monat deutlich gestiegen.",
    "Ein neues Museum für Fotografie öffnet im Herbst seine Türen.",
    "Die Verhandlungen über den Tarifvertrag wurden ohne Ergebnis vertagt.",
    # Chinese
    "市政府宣布将在明年扩建地铁线路，以缓解交通拥堵。",
    "受强降雨影响，多条高速公路临时封闭。",
    "这家科技公司第三季度营收同比增长，但利润有所下降。",
    "主队在加时赛中以一球险胜客队，晋级半决赛。",
    "研究人员发现，每天步行半小时有助于降低心脏病风险。",
    "警方破获一起网络诈骗案，抓获犯罪嫌疑人十余名。",
    "该博物馆新增一批青铜器展品，吸引大量游客参观。",
    "农业部门表示，今年的水稻产量有望再创新高。",
    "航空公司计划下月起恢复多条国际航线。",
    "法院判决该企业赔偿消费者的经济损失。",
    "央行宣布下调存款准备金率，释放长期资金。",
    "教育部门要求学校减轻学生的课外作业负担。",
    "这家汽车制造商召回部分车辆，原因是刹车系统存在隐患。",
    "选举结果显示，执政党在议会中失去多数席位。",
    "山火烧毁了大片森林，消防人员仍在现场扑救。",
    "新建的儿童医院正式投入使用，可提供数百张床位。",
    "双方代表就贸易协定的细节进行了新一轮磋商。",
    "专家提醒用户及时更新手机系统，以防个人信息泄露。",
    "天文台表示，本周末将迎来一场流星雨。",
    "这部电影上映首周票房突破数亿元。",
)
