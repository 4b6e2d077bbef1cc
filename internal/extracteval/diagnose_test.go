package extracteval

import (
	"reflect"
	"testing"
)

func TestDiagnoseZyte(t *testing.T) {
	p := Page{ID: "p1", Body: "one two three four five six seven eight"}
	out := Output{Text: "one two three four five six seven eight nine ten eleven twelve"}
	d := Diagnose(Zyte, p, out)
	if d.Recall != 1 || d.Precision >= 1 {
		t.Errorf("got precision %v recall %v, want < 1 and 1", d.Precision, d.Recall)
	}
	if want := []string{"nine ten eleven twelve"}; !reflect.DeepEqual(d.Extra, want) {
		t.Errorf("extra: got %q, want %q", d.Extra, want)
	}
	if len(d.Missing) != 0 {
		t.Errorf("missing: got %q, want none", d.Missing)
	}
}

func TestDiagnoseTrafilatura(t *testing.T) {
	p := Page{ID: "p2", With: []string{"कहा कि काम", "not there"}, Without: []string{"Neueste Artikel", "absent"}}
	d := Diagnose(Trafilatura, p, Output{Text: "महापौर ने कहा कि काम होगा\n\nNeueste Artikel"})
	if want := []string{"not there"}; !reflect.DeepEqual(d.Missing, want) {
		t.Errorf("missing: got %q, want %q", d.Missing, want)
	}
	if want := []string{"Neueste Artikel"}; !reflect.DeepEqual(d.Extra, want) {
		t.Errorf("extra: got %q, want %q", d.Extra, want)
	}
	if d.Loss != 2 {
		t.Errorf("loss: got %v, want 2", d.Loss)
	}
}

func TestWorstOrdersByLoss(t *testing.T) {
	got := Worst([]PageDiag{{ID: "a", Loss: 0.1}, {ID: "b", Loss: 0.5}, {ID: "c", Loss: 0.5}, {ID: "d"}}, 3)
	var ids []string
	for _, d := range got {
		ids = append(ids, d.ID)
	}
	if want := []string{"b", "c", "a"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("got %q, want %q", ids, want)
	}
}

func TestSegmentCountsIgnoresSoftHyphens(t *testing.T) {
	c := SegmentCounts("Werkzeuge des Neandertalers", []string{"Werk\u00adzeuge des Ne\u00adan\u00adder\u00adta\u00adlers"}, nil)
	if c.TP != 1 {
		t.Errorf("got %+v, want the segment found", c)
	}
}
