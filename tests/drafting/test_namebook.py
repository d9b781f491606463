import pytest

from diplo_events.drafting.reading import _namebook as nb
from diplo_events.exceptions import FieldError, FieldTypeError


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Yuri Ushakov", "Yury Ushakov"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Andrei Rudenko", "Andrey Rudenko"),
        ("Nikolai Patrushev", "Nikolay Patrushev"),
        ("Ilkham Aliyev", "Ilham Aliyev"),
        ("Volodymyr Zelenskyy", "Vladimir Zelensky"),
        ("Maksim Oreshkin", "Maxim Oreshkin"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("ARA AYVAZYAN", "Ara Aivazyan"),
    ],
)
def test_name_key_variants(a: str, b: str) -> None:
    assert nb.name_key(a) == nb.name_key(b)


def test_name_key_distinguishes() -> None:
    assert nb.name_key("Sergey Lavrov") != nb.name_key("Sergey Shoigu")
    assert nb.name_key("") == ""


def test_namebook() -> None:
    book = nb.NameBook()
    k1 = book.add("Sergei Lavrov")
    assert book.add("Sergey Lavrov") == k1
    assert book.add("Sergei Viktorovich Lavrov") == k1
    assert book.names(k1) == ("Sergei Lavrov", "Sergey Lavrov", "Sergei Viktorovich Lavrov")
    k2 = book.add("Ara Ayvazyan")
    assert book.resolve("Ara Genrievich") == k2
    assert book.resolve("Ayvazyan") == k2
    assert book.resolve("Lavrov") == k1
    assert book.resolve("Blinken") is None
    book.add("Anna Lavrova")
    book.add("Maria Lavrov")
    assert book.resolve("Lavrov") is None  # ambiguous now
    assert book.resolve("") is None
    with pytest.raises(KeyError):
        book.names("nobody")


@pytest.mark.parametrize(
    "call",
    [
        lambda: nb.NameBook().add(None),  # type: ignore[arg-type]
        lambda: nb.NameBook().resolve(3),  # type: ignore[arg-type]
    ],
)
def test_name_book_refuses_non_strings(call: object) -> None:
    with pytest.raises(FieldTypeError):
        call()  # type: ignore[operator]


def test_name_book_refuses_an_empty_name() -> None:
    with pytest.raises(FieldError):
        nb.NameBook().add("  ")
